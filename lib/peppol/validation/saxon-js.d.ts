/** The part of SaxonJS 2 (saxon-js, no bundled types) that validate-ubl.ts uses. */
declare module "saxon-js" {
  /** A node of SaxonJS's own DOM (a parsed document, a transformation's result). */
  export interface SaxonNode {
    readonly documentElement?: {
      readonly localName: string;
      readonly namespaceURI: string | null;
    } | null;
  }

  interface TransformOptions {
    /** A parsed SEF (the JSON the xslt3 compiler exports). */
    stylesheetInternal: unknown;
    sourceNode: SaxonNode;
    destination: "document";
  }

  interface SaxonJS {
    getResource(options: { text: string; type: "xml" }): Promise<SaxonNode>;
    transform(options: TransformOptions): { principalResult: SaxonNode };
    XPath: {
      evaluate(
        expression: string,
        context: SaxonNode,
        options: { namespaceContext: Record<string, string>; resultForm: "array" },
      ): unknown[];
    };
    getProcessorInfo(): { productVersion: string };
  }

  const saxonJs: SaxonJS;
  export default saxonJs;
}
