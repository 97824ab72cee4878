import {
  argumentsFromNodes,
  type DocumentNode,
  type FieldNode,
  type Location,
  type OperationNode,
  type SelectionNode,
  typeToString,
  type TypeNode,
  valueFromNode,
} from "./graphql-parser";
import type { JsonObject, JsonPrimitive, JsonValue } from "./json";

/**
 * Executes a parsed operation against plain resolved objects: each object carries its
 * `__typename`; a field is either a value or a function of the field's arguments. The
 * result contains exactly the selected fields (aliases honoured), and selecting a field the
 * object does not have is an error like Shopify's "Field 'x' doesn't exist on type 'T'".
 */

export type GqlValue = JsonPrimitive | GqlObject | GqlValue[];
export type GqlResolver = (args: Record<string, unknown>) => GqlValue;
export type GqlField = GqlValue | GqlResolver | undefined;

export interface GqlObject {
  readonly __typename: string;
  readonly [field: string]: GqlField;
}

export interface GraphqlError {
  message: string;
  locations?: Location[];
  path?: Array<string | number>;
  extensions?: JsonObject;
}

/** Thrown by a resolver: the field becomes null and the error is reported with its path. */
export class GraphqlFieldError extends Error {
  constructor(
    message: string,
    readonly extensions?: JsonObject,
  ) {
    super(message);
  }
}

/** Thrown when the whole request is rejected before execution (no `data` in the answer). */
export class GraphqlRequestError extends Error {
  constructor(readonly errors: GraphqlError[]) {
    super(errors.map((e) => e.message).join("; "));
  }
}

export interface ExecutionResult {
  data?: JsonObject | null;
  errors?: GraphqlError[];
}

function isGqlObject(value: unknown): value is GqlObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { __typename?: unknown }).__typename === "string"
  );
}

export function selectOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationNode {
  if (operationName) {
    const found = document.operations.find((op) => op.name === operationName);
    if (!found) {
      throw new GraphqlRequestError([
        { message: `No operation named "${operationName}"`, extensions: {} },
      ]);
    }
    return found;
  }
  const [only, ...others] = document.operations;
  if (!only || others.length > 0) {
    throw new GraphqlRequestError([
      { message: "An operation name is required", extensions: { code: "missingOperationName" } },
    ]);
  }
  return only;
}

/** Applies variable defaults and rejects missing non-null variables, like a server does. */
export function coerceVariables(
  operation: OperationNode,
  provided: Record<string, unknown>,
  enums: Readonly<Record<string, readonly string[]>> = {},
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const errors: GraphqlError[] = [];
  for (const definition of operation.variables) {
    let value = provided[definition.name];
    if (value === undefined && definition.defaultValue) {
      value = valueFromNode(definition.defaultValue, {});
    }
    if ((value === undefined || value === null) && definition.type.kind === "NonNull") {
      errors.push({
        message: `Variable $${definition.name} of type ${typeToString(definition.type)} was provided invalid value`,
        extensions: {
          value: null,
          problems: [{ path: [], explanation: "Expected value to not be null" }],
        },
      });
      continue;
    }
    const problem = scalarProblem(definition.type, value, enums);
    if (problem) {
      errors.push({
        message: `Variable $${definition.name} of type ${typeToString(definition.type)} was provided invalid value`,
        extensions: {
          value: (value ?? null) as JsonValue,
          problems: [{ path: [], explanation: problem }],
        },
      });
      continue;
    }
    variables[definition.name] = value ?? null;
  }
  if (errors.length > 0) throw new GraphqlRequestError(errors);
  return variables;
}

/** Type checks for the built-in scalars; other types are checked by the resolvers. */
function scalarProblem(
  type: TypeNode,
  value: unknown,
  enums: Readonly<Record<string, readonly string[]>>,
): string | null {
  if (value === undefined || value === null) return null;
  const named = type.kind === "NonNull" ? type.of : type;
  if (named.kind !== "Named") return null;
  const enumValues = enums[named.name];
  if (enumValues) {
    return typeof value === "string" && enumValues.includes(value)
      ? null
      : `Expected ${JSON.stringify(value)} to be one of: ${enumValues.join(", ")}`;
  }
  switch (named.name) {
    case "Int":
      return Number.isInteger(value)
        ? null
        : `Could not coerce value ${JSON.stringify(value)} to Int`;
    case "String":
    case "ID":
      return typeof value === "string" || (named.name === "ID" && Number.isInteger(value))
        ? null
        : `Could not coerce value ${JSON.stringify(value)} to ${named.name}`;
    case "Boolean":
      return typeof value === "boolean"
        ? null
        : `Could not coerce value ${JSON.stringify(value)} to Boolean`;
    default:
      return null;
  }
}

export class Executor {
  private readonly errors: GraphqlError[] = [];
  /** Errors that make the whole response invalid (unknown fields): no data is returned. */
  private readonly validationErrors: GraphqlError[] = [];

  constructor(
    private readonly document: DocumentNode,
    private readonly variables: Record<string, unknown>,
  ) {}

  run(root: GqlObject, selections: SelectionNode[]): ExecutionResult {
    const data = this.executeObject(root, selections, []);
    if (this.validationErrors.length > 0) return { errors: this.validationErrors };
    return this.errors.length > 0 ? { data, errors: this.errors } : { data };
  }

  get hasValidationErrors(): boolean {
    return this.validationErrors.length > 0;
  }

  private included(directives: FieldNode["directives"]): boolean {
    for (const directive of directives) {
      const args = argumentsFromNodes(directive.args, this.variables);
      if (directive.name === "skip" && args.if === true) return false;
      if (directive.name === "include" && args.if === false) return false;
    }
    return true;
  }

  /** Field nodes grouped by response key, fragments flattened (GraphQL "CollectFields"). */
  private collectFields(
    object: GqlObject,
    selections: SelectionNode[],
    into = new Map<string, FieldNode[]>(),
    seenFragments = new Set<string>(),
  ): Map<string, FieldNode[]> {
    for (const selection of selections) {
      if (!this.included(selection.directives)) continue;
      if (selection.kind === "Field") {
        const key = selection.alias ?? selection.name;
        const list = into.get(key) ?? [];
        list.push(selection);
        into.set(key, list);
      } else if (selection.kind === "InlineFragment") {
        if (this.typeMatches(object, selection.typeCondition)) {
          this.collectFields(object, selection.selections, into, seenFragments);
        }
      } else {
        if (seenFragments.has(selection.name)) continue;
        seenFragments.add(selection.name);
        const fragment = this.document.fragments.get(selection.name);
        if (!fragment) {
          this.validationErrors.push({
            message: `Fragment ${selection.name} was used, but not defined`,
            locations: [selection.loc],
            extensions: { code: "useAndDefineFragment", fragmentName: selection.name },
          });
          continue;
        }
        if (this.typeMatches(object, fragment.typeCondition)) {
          this.collectFields(object, fragment.selections, into, seenFragments);
        }
      }
    }
    return into;
  }

  private typeMatches(object: GqlObject, typeCondition: string | null): boolean {
    if (typeCondition === null || typeCondition === object.__typename) return true;
    const interfaces = object.__interfaces;
    return Array.isArray(interfaces) && interfaces.includes(typeCondition);
  }

  private executeObject(
    object: GqlObject,
    selections: SelectionNode[],
    path: Array<string | number>,
  ): JsonObject {
    const result: JsonObject = {};
    for (const [key, nodes] of this.collectFields(object, selections)) {
      const field = nodes[0]!;
      const subSelections = nodes.flatMap((n) => n.selections ?? []);
      result[key] = this.executeField(object, field, subSelections.length ? subSelections : null, [
        ...path,
        key,
      ]);
    }
    return result;
  }

  private executeField(
    object: GqlObject,
    field: FieldNode,
    selections: SelectionNode[] | null,
    path: Array<string | number>,
  ): JsonValue {
    if (field.name === "__typename") return object.__typename;
    const raw = field.name.startsWith("__") ? undefined : object[field.name];
    if (raw === undefined) {
      this.validationErrors.push({
        message: `Field '${field.name}' doesn't exist on type '${object.__typename}'`,
        locations: [field.loc],
        path,
        extensions: { code: "undefinedField", typeName: object.__typename, fieldName: field.name },
      });
      return null;
    }
    let value: GqlValue;
    try {
      value = typeof raw === "function" ? raw(argumentsFromNodes(field.args, this.variables)) : raw;
    } catch (error) {
      if (error instanceof GraphqlFieldError) {
        this.errors.push({
          message: error.message,
          locations: [field.loc],
          path,
          ...(error.extensions ? { extensions: error.extensions } : {}),
        });
        return null;
      }
      throw error;
    }
    return this.complete(value, field, selections, path);
  }

  private complete(
    value: GqlValue,
    field: FieldNode,
    selections: SelectionNode[] | null,
    path: Array<string | number>,
  ): JsonValue {
    if (value === null) return null;
    if (Array.isArray(value)) {
      return value.map((item, i) => this.complete(item, field, selections, [...path, i]));
    }
    if (isGqlObject(value)) {
      if (!selections) {
        this.validationErrors.push({
          message: `Field must have selections (field '${field.name}' returns ${value.__typename} but has no selections. Did you mean '${field.name} { ... }'?)`,
          locations: [field.loc],
          path,
          extensions: { code: "selectionMismatch", nodeName: `field '${field.name}'` },
        });
        return null;
      }
      return this.executeObject(value, selections, path);
    }
    if (selections) {
      this.validationErrors.push({
        message: `Selections can't be made on scalars (field '${field.name}' returns a scalar but has selections)`,
        locations: [field.loc],
        path,
        extensions: { code: "selectionMismatch", nodeName: `field '${field.name}'` },
      });
      return null;
    }
    return value;
  }
}
