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

declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_nl' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_fr' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_it' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_pt' {
  export const words: string[];
}

declare module 'natural/lib/natural/util/stopwords_es' {
  export const words: string[];
}
