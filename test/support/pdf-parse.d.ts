// pdf-parse's entry point runs a self-test when loaded without a parent module (as under Jest):
// tests load the parser itself, which is the same function.
declare module 'pdf-parse/lib/pdf-parse.js' {
  import parse from 'pdf-parse';
  export default parse;
}
