// Redocly plugin: the provenance convention (docs/contract-decisions.md, "Provenance") for what a configurable rule
// cannot select: every id schema (a string schema titled `…Id`) says whether its shape is documented or inferred.
const MARKERS = ['documented', 'inferred'];

function idSchemaHasProvenance() {
  return {
    Schema(schema, { report, location }) {
      if (schema.type !== 'string' || !/Id$/.test(schema.title ?? '')) return;
      if (!MARKERS.includes(schema['x-provenance'])) {
        report({ message: `id schema ${schema.title} needs x-provenance: documented or inferred`, location: location.key() });
      }
    },
  };
}

export default function provenancePlugin() {
  return { id: 'provenance', rules: { oas3: { 'id-schema-has-provenance': idSchemaHasProvenance } } };
}
