// RegExp.escape (ES2025; Node 24 and later have it) is the one regex escape of
// the tests and scripts. TypeScript 5.9's library does not declare it yet.
interface RegExpConstructor {
  escape(text: string): string;
}
