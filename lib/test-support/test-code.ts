// What the static scans of the app's code (the read seam, the one definition of "open") leave out:
// tests and what only tests use. Test files (x.test.ts), their shared parts (x.test-support.ts, a
// test-support.ts or a test-support/ folder) and lib/queries' fixtures.
const testCode = /\.test(?:-support)?\.tsx?$|(?:^|[\\/])test-support(?:[\\/]|\.tsx?$)|(?:^|[\\/])test-fixtures\.ts$/;

export const isTestCode = (file: string): boolean => testCode.test(file);
