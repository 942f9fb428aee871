// The theme component this plugin serves (getThemePath).
declare module '@theme/StaticDiagram' {
  export {default} from '@site/src/plugins/static-mermaid/theme/StaticDiagram';
  export * from '@site/src/plugins/static-mermaid/theme/StaticDiagram';
}
