// natural's package index pulls in 47 packages and reads ./.env on load; we deep-import only
// the sentiment module, which its own typings do not declare.
declare module 'natural/lib/natural/sentiment/SentimentAnalyzer' {
  class SentimentAnalyzer {
    constructor(language: string, stemmer: null, type: 'afinn' | 'senticon' | 'pattern');
    vocabulary: Record<string, number>;
    negations: string[];
  }
  export = SentimentAnalyzer;
}
