// The theme component this plugin serves (getThemePath).
declare module '@theme/StaticCode' {
  export {default} from '@site/src/plugins/code-modules/theme/StaticCode';
  export * from '@site/src/plugins/code-modules/theme/StaticCode';
}
