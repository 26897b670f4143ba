/** The app's version, read once from package.json (shipped beside the code in every build). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const APP_VERSION: string = (require('../../package.json') as { version: string }).version;
