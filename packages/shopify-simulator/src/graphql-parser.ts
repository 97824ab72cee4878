/**
 * A small GraphQL document parser: enough of the language for the operations an app sends
 * (operations, variables, fields, aliases, arguments, fragments, @skip/@include). It lets
 * the simulator answer with exactly the fields that were selected, as a real server does,
 * instead of pattern-matching query strings.
 */

export type ValueNode =
  | { kind: "Variable"; name: string }
  | { kind: "Int"; value: number }
  | { kind: "Float"; value: number }
  | { kind: "String"; value: string }
  | { kind: "Boolean"; value: boolean }
  | { kind: "Null" }
  | { kind: "Enum"; value: string }
  | { kind: "List"; values: ValueNode[] }
  | { kind: "Object"; fields: Array<[string, ValueNode]> };

export type TypeNode =
  | { kind: "Named"; name: string }
  | { kind: "List"; of: TypeNode }
  | { kind: "NonNull"; of: TypeNode };

export interface Location {
  line: number;
  column: number;
}

export interface DirectiveNode {
  name: string;
  args: Array<[string, ValueNode]>;
}

export interface FieldNode {
  kind: "Field";
  alias: string | null;
  name: string;
  args: Array<[string, ValueNode]>;
  directives: DirectiveNode[];
  selections: SelectionNode[] | null;
  loc: Location;
}

export interface InlineFragmentNode {
  kind: "InlineFragment";
  typeCondition: string | null;
  directives: DirectiveNode[];
  selections: SelectionNode[];
}

export interface FragmentSpreadNode {
  kind: "FragmentSpread";
  name: string;
  directives: DirectiveNode[];
  loc: Location;
}

export type SelectionNode = FieldNode | InlineFragmentNode | FragmentSpreadNode;

export interface VariableDefinition {
  name: string;
  type: TypeNode;
  defaultValue: ValueNode | null;
}

export interface OperationNode {
  operation: "query" | "mutation" | "subscription";
  name: string | null;
  variables: VariableDefinition[];
  selections: SelectionNode[];
}

export interface FragmentDefinition {
  name: string;
  typeCondition: string;
  selections: SelectionNode[];
}

export interface DocumentNode {
  operations: OperationNode[];
  fragments: Map<string, FragmentDefinition>;
}

export class GraphqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly loc: Location,
  ) {
    super(message);
  }
}

type TokenKind = "Punct" | "Name" | "Int" | "Float" | "String" | "EOF";

interface Token {
  kind: TokenKind;
  value: string;
  loc: Location;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const loc = (at: number): Location => ({ line, column: at - lineStart + 1 });

  while (i < source.length) {
    const char = source.charAt(i);
    if (char === "\n") {
      i += 1;
      line += 1;
      lineStart = i;
      continue;
    }
    if (char === " " || char === "\t" || char === "\r" || char === "," || char === "\ufeff") {
      i += 1;
      continue;
    }
    if (char === "#") {
      while (i < source.length && source.charAt(i) !== "\n") i += 1;
      continue;
    }
    if (source.startsWith("...", i)) {
      tokens.push({ kind: "Punct", value: "...", loc: loc(i) });
      i += 3;
      continue;
    }
    if ("!$&()/:=@[]{}|".includes(char)) {
      tokens.push({ kind: "Punct", value: char, loc: loc(i) });
      i += 1;
      continue;
    }
    if (/[A-Za-z_]/.test(char)) {
      const start = i;
      while (i < source.length && /[A-Za-z0-9_]/.test(source.charAt(i))) i += 1;
      tokens.push({ kind: "Name", value: source.slice(start, i), loc: loc(start) });
      continue;
    }
    if (/[-0-9]/.test(char)) {
      const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i));
      if (!match) throw new GraphqlSyntaxError(`Unexpected character "${char}"`, loc(i));
      const isFloat = match[2] !== undefined || match[3] !== undefined;
      tokens.push({ kind: isFloat ? "Float" : "Int", value: match[0], loc: loc(i) });
      i += match[0].length;
      continue;
    }
    if (source.startsWith('"""', i)) {
      const start = i;
      const end = source.indexOf('"""', i + 3);
      if (end < 0) throw new GraphqlSyntaxError("Unterminated block string", loc(i));
      const raw = source.slice(i + 3, end).replace(/\\"""/g, '"""');
      for (const c of raw) if (c === "\n") line += 1;
      tokens.push({ kind: "String", value: blockStringValue(raw), loc: loc(start) });
      i = end + 3;
      continue;
    }
    if (char === '"') {
      const start = i;
      let value = "";
      i += 1;
      for (;;) {
        if (i >= source.length || source.charAt(i) === "\n") {
          throw new GraphqlSyntaxError("Unterminated string", loc(start));
        }
        const c = source.charAt(i);
        if (c === '"') break;
        if (c === "\\") {
          const next = source.charAt(i + 1);
          const simple: Record<string, string> = {
            '"': '"',
            "\\": "\\",
            "/": "/",
            b: "\b",
            f: "\f",
            n: "\n",
            r: "\r",
            t: "\t",
          };
          if (next === "u") {
            value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          const mapped = simple[next];
          if (mapped === undefined) throw new GraphqlSyntaxError("Invalid escape", loc(i));
          value += mapped;
          i += 2;
          continue;
        }
        value += c;
        i += 1;
      }
      tokens.push({ kind: "String", value, loc: loc(start) });
      i += 1;
      continue;
    }
    throw new GraphqlSyntaxError(`Unexpected character "${char}"`, loc(i));
  }
  tokens.push({ kind: "EOF", value: "", loc: loc(i) });
  return tokens;
}

function blockStringValue(raw: string): string {
  const lines = raw.split(/\r\n|\n|\r/);
  let common: number | null = null;
  for (const l of lines.slice(1)) {
    const indent = l.length - l.trimStart().length;
    if (indent < l.length && (common === null || indent < common)) common = indent;
  }
  const out = lines.map((l, i) => (i === 0 || common === null ? l : l.slice(common)));
  while (out.length && (out[0] ?? "").trim() === "") out.shift();
  while (out.length && (out[out.length - 1] ?? "").trim() === "") out.pop();
  return out.join("\n");
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private fail(token: Token): never {
    const shown = token.kind === "EOF" ? "end of file" : `"${token.value}"`;
    throw new GraphqlSyntaxError(
      `Parse error on ${shown} (${token.kind.toUpperCase()}) at [${token.loc.line}, ${token.loc.column}]`,
      token.loc,
    );
  }

  private isPunct(value: string): boolean {
    const token = this.peek();
    return token.kind === "Punct" && token.value === value;
  }

  private expectPunct(value: string): Token {
    const token = this.next();
    if (token.kind !== "Punct" || token.value !== value) this.fail(token);
    return token;
  }

  private expectName(): Token {
    const token = this.next();
    if (token.kind !== "Name") this.fail(token);
    return token;
  }

  parseDocument(): DocumentNode {
    const operations: OperationNode[] = [];
    const fragments = new Map<string, FragmentDefinition>();
    while (this.peek().kind !== "EOF") {
      const token = this.peek();
      if (token.kind === "Punct" && token.value === "{") {
        operations.push({
          operation: "query",
          name: null,
          variables: [],
          selections: this.parseSelectionSet(),
        });
      } else if (token.kind === "Name" && token.value === "fragment") {
        this.next();
        const name = this.expectName().value;
        const on = this.expectName();
        if (on.value !== "on") this.fail(on);
        const typeCondition = this.expectName().value;
        this.parseDirectives();
        fragments.set(name, { name, typeCondition, selections: this.parseSelectionSet() });
      } else if (
        token.kind === "Name" &&
        (token.value === "query" || token.value === "mutation" || token.value === "subscription")
      ) {
        this.next();
        const name = this.peek().kind === "Name" ? this.next().value : null;
        const variables = this.isPunct("(") ? this.parseVariableDefinitions() : [];
        this.parseDirectives();
        operations.push({
          operation: token.value,
          name,
          variables,
          selections: this.parseSelectionSet(),
        });
      } else {
        this.fail(token);
      }
    }
    if (operations.length === 0) this.fail(this.peek());
    return { operations, fragments };
  }

  private parseVariableDefinitions(): VariableDefinition[] {
    this.expectPunct("(");
    const definitions: VariableDefinition[] = [];
    while (!this.isPunct(")")) {
      this.expectPunct("$");
      const name = this.expectName().value;
      this.expectPunct(":");
      const type = this.parseType();
      let defaultValue: ValueNode | null = null;
      if (this.isPunct("=")) {
        this.next();
        defaultValue = this.parseValue(true);
      }
      this.parseDirectives();
      definitions.push({ name, type, defaultValue });
    }
    this.expectPunct(")");
    return definitions;
  }

  private parseType(): TypeNode {
    let type: TypeNode;
    if (this.isPunct("[")) {
      this.next();
      const of = this.parseType();
      this.expectPunct("]");
      type = { kind: "List", of };
    } else {
      type = { kind: "Named", name: this.expectName().value };
    }
    if (this.isPunct("!")) {
      this.next();
      return { kind: "NonNull", of: type };
    }
    return type;
  }

  private parseSelectionSet(): SelectionNode[] {
    this.expectPunct("{");
    const selections: SelectionNode[] = [];
    while (!this.isPunct("}")) selections.push(this.parseSelection());
    this.expectPunct("}");
    if (selections.length === 0) this.fail(this.tokens[this.index - 1]!);
    return selections;
  }

  private parseSelection(): SelectionNode {
    if (this.isPunct("...")) {
      const spread = this.next();
      const token = this.peek();
      if (token.kind === "Name" && token.value !== "on") {
        this.next();
        return {
          kind: "FragmentSpread",
          name: token.value,
          directives: this.parseDirectives(),
          loc: spread.loc,
        };
      }
      let typeCondition: string | null = null;
      if (token.kind === "Name" && token.value === "on") {
        this.next();
        typeCondition = this.expectName().value;
      }
      return {
        kind: "InlineFragment",
        typeCondition,
        directives: this.parseDirectives(),
        selections: this.parseSelectionSet(),
      };
    }
    const first = this.expectName();
    let alias: string | null = null;
    let name = first.value;
    if (this.isPunct(":")) {
      this.next();
      alias = first.value;
      name = this.expectName().value;
    }
    const args = this.isPunct("(") ? this.parseArguments(false) : [];
    const directives = this.parseDirectives();
    const selections = this.isPunct("{") ? this.parseSelectionSet() : null;
    return { kind: "Field", alias, name, args, directives, selections, loc: first.loc };
  }

  private parseArguments(isConst: boolean): Array<[string, ValueNode]> {
    this.expectPunct("(");
    const args: Array<[string, ValueNode]> = [];
    while (!this.isPunct(")")) {
      const name = this.expectName().value;
      this.expectPunct(":");
      args.push([name, this.parseValue(isConst)]);
    }
    this.expectPunct(")");
    return args;
  }

  private parseDirectives(): DirectiveNode[] {
    const directives: DirectiveNode[] = [];
    while (this.isPunct("@")) {
      this.next();
      const name = this.expectName().value;
      directives.push({ name, args: this.isPunct("(") ? this.parseArguments(false) : [] });
    }
    return directives;
  }

  private parseValue(isConst: boolean): ValueNode {
    const token = this.next();
    switch (token.kind) {
      case "Int":
        return { kind: "Int", value: Number(token.value) };
      case "Float":
        return { kind: "Float", value: Number(token.value) };
      case "String":
        return { kind: "String", value: token.value };
      case "Name":
        if (token.value === "true" || token.value === "false") {
          return { kind: "Boolean", value: token.value === "true" };
        }
        if (token.value === "null") return { kind: "Null" };
        return { kind: "Enum", value: token.value };
      case "Punct":
        if (token.value === "$" && !isConst) {
          return { kind: "Variable", name: this.expectName().value };
        }
        if (token.value === "[") {
          const values: ValueNode[] = [];
          while (!this.isPunct("]")) values.push(this.parseValue(isConst));
          this.next();
          return { kind: "List", values };
        }
        if (token.value === "{") {
          const fields: Array<[string, ValueNode]> = [];
          while (!this.isPunct("}")) {
            const name = this.expectName().value;
            this.expectPunct(":");
            fields.push([name, this.parseValue(isConst)]);
          }
          this.next();
          return { kind: "Object", fields };
        }
        return this.fail(token);
      default:
        return this.fail(token);
    }
  }
}

export function parseGraphql(source: string): DocumentNode {
  return new Parser(tokenize(source)).parseDocument();
}

/** A literal or variable reference turned into a plain JS value. */
export function valueFromNode(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case "Variable":
      return variables[node.name] ?? null;
    case "Null":
      return null;
    case "List":
      return node.values.map((v) => valueFromNode(v, variables));
    case "Object":
      return Object.fromEntries(node.fields.map(([k, v]) => [k, valueFromNode(v, variables)]));
    default:
      return node.value;
  }
}

export function argumentsFromNodes(
  args: Array<[string, ValueNode]>,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(args.map(([name, node]) => [name, valueFromNode(node, variables)]));
}

export function typeToString(type: TypeNode): string {
  if (type.kind === "Named") return type.name;
  if (type.kind === "List") return `[${typeToString(type.of)}]`;
  return `${typeToString(type.of)}!`;
}
