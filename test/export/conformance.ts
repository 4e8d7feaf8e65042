/**
 * Whether a value is one of the card's features, checked independently of the writers: every
 * key of a record must be declared (a key the card does not declare fails), every value must
 * have its declared type; any value may be null. Also the DuckDB type a feature reads back as.
 */
import type { Feature, FeatureType } from '../../src/main/export/features.ts';

/** The YAML form of a feature, as the card holds it after parsing. */
export type YamlFeature = { name: string; dtype?: string; list?: unknown; struct?: YamlFeature[] };

/** The card's YAML features back to types, reading `datasets`' encoding independently of the writer. */
export function fromYaml(features: readonly YamlFeature[]): Feature[] {
  return features.map((feature) => ({ name: feature.name, type: yamlType(feature) }));
}

function yamlType(node: Omit<YamlFeature, 'name'> | string): FeatureType {
  if (typeof node === 'string') return node as FeatureType;
  if (node.dtype !== undefined) return node.dtype as FeatureType;
  if (node.struct !== undefined) return { struct: fromYaml(node.struct) };
  if (Array.isArray(node.list)) return { list: { struct: fromYaml(node.list as YamlFeature[]) } };
  if (node.list !== undefined) return { list: yamlType(node.list as Omit<YamlFeature, 'name'> | string) };
  throw new Error(`not a feature: ${JSON.stringify(node)}`);
}

/** Problems, each with the path to the value; none when the value conforms. */
export function nonConforming(value: unknown, type: FeatureType, at = '$'): string[] {
  if (value === null) return [];
  if (typeof type === 'string') {
    const ok =
      type === 'string'
        ? typeof value === 'string'
        : type === 'int32'
          ? Number.isInteger(value) && Math.abs(value as number) < 2 ** 31
          : type === 'bool'
            ? typeof value === 'boolean'
            : type === 'date32'
              ? typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value)
              : typeof value === 'string' && !Number.isNaN(Date.parse(value));
    return ok ? [] : [`${at}: ${JSON.stringify(value)} is not ${type}`];
  }
  if ('list' in type) {
    if (!Array.isArray(value)) return [`${at}: not a list`];
    return value.flatMap((element, index) => nonConforming(element, type.list, `${at}[${index}]`));
  }
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not a record`];
  const members = new Map(type.struct.map((member) => [member.name, member.type]));
  return Object.entries(value).flatMap(([key, member]) => {
    const memberType = members.get(key);
    return memberType ? nonConforming(member, memberType, `${at}.${key}`) : [`${at}.${key}: not declared`];
  });
}

/** The type DuckDB's DESCRIBE gives a Parquet column of this feature. */
export function duckType(type: FeatureType): string {
  if (typeof type === 'string') {
    return { string: 'VARCHAR', int32: 'INTEGER', bool: 'BOOLEAN', date32: 'DATE', 'timestamp[ms, tz=UTC]': 'TIMESTAMP WITH TIME ZONE' }[type];
  }
  if ('list' in type) return `${duckType(type.list)}[]`;
  return `STRUCT(${type.struct.map((member) => `${member.name} ${duckType(member.type)}`).join(', ')})`;
}
