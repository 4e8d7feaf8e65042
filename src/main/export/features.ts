/**
 * The exported data's types, written into the dataset card as Hugging Face `datasets` features
 * (`dataset_info.features`), so every export loads with one schema, whatever its rows hold: two
 * reviewers' exports load together and concatenate, and a column that is empty in one file
 * keeps its type.
 *
 * The YAML follows `datasets`' own encoding of features: `dtype:` for a value, `list:` for a list
 * of values or of records, `struct:` for a record.
 */
import type { ColumnType, ScalarType } from './columns.ts';

export type Dtype = 'string' | 'int32' | 'bool' | 'date32' | 'timestamp[ms, tz=UTC]';

/** A value, a list of some type, or a record of named members. */
export type FeatureType = Dtype | { readonly list: FeatureType } | { readonly struct: readonly Feature[] };

export interface Feature {
  readonly name: string;
  readonly type: FeatureType;
}

const DTYPES: Record<ScalarType, Dtype> = {
  string: 'string',
  integer: 'int32',
  boolean: 'bool',
  date: 'date32',
  timestamp: 'timestamp[ms, tz=UTC]',
};

/**
 * A tabular column's type as a feature; `csvText` for CSV, which writes lists as JSON text, and
 * whose dates and instants `datasets` reads as text too: its CSV reader takes a column with no
 * value as numbers, which no date type can be cast from.
 */
export function columnFeature(name: string, type: ColumnType, csvText = false): Feature {
  if (csvText && (type === 'date' || type === 'timestamp')) return { name, type: 'string' };
  if (typeof type === 'string') return { name, type: DTYPES[type] };
  if (csvText) return { name, type: 'string' };
  const element: FeatureType =
    typeof type.list === 'string' ? DTYPES[type.list] : { struct: type.list.map((member) => ({ name: member.name, type: DTYPES[member.type] })) };
  return { name, type: { list: element } };
}

type YamlFeature = { readonly name: string } & YamlType;
type YamlType = { readonly dtype: Dtype } | { readonly list: Dtype | YamlType | readonly YamlFeature[] } | { readonly struct: readonly YamlFeature[] };

/** Features as `datasets` writes them in a card's YAML. */
export function featuresYaml(features: readonly Feature[]): YamlFeature[] {
  return features.map((feature) => ({ name: feature.name, ...yamlType(feature.type) }));
}

function yamlType(type: FeatureType): YamlType {
  if (typeof type === 'string') return { dtype: type };
  if ('struct' in type) return { struct: featuresYaml(type.struct) };
  const element = type.list;
  if (typeof element === 'string') return { list: element };
  // A list of records is written as the records' member list; a list of lists nests.
  if ('struct' in element) return { list: featuresYaml(element.struct) };
  return { list: yamlType(element) };
}

/** A type as the card's tables print it: `string`, `list<int32>`, `struct`, `list<struct>`. */
export function typeText(type: FeatureType): string {
  if (typeof type === 'string') return type;
  if ('struct' in type) return 'struct';
  return `list<${typeText(type.list)}>`;
}
