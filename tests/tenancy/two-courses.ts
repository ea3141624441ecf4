import { strToU8, zipSync } from "fflate";

/** A small second course, about marine biology: nothing in it overlaps the bundled AI course. */
export const BIO200_FILES: Record<string, string> = {
  "week-01/cells.md": `---
title: Cells and energy
week: 1
---
# Cells and energy

## Mitochondria

Mitochondria are the organelles that make most of a cell's ATP through oxidative phosphorylation.
Their inner membrane folds into cristae, which gives the electron transport chain more surface.

## Chloroplasts

Chloroplasts capture light in their thylakoid membranes and fix carbon dioxide in the Calvin cycle.
`,
  "week-02/reefs.md": `---
title: Coral reefs
week: 2
---
# Coral reefs

## Symbiosis with zooxanthellae

Reef-building corals host zooxanthellae, single-celled algae that photosynthesise inside the coral's
tissue and hand most of the sugars they make to the coral. In return the algae get shelter and the
coral's nitrogen waste.

## Bleaching

When the water stays too warm, corals expel their zooxanthellae and turn white. This is coral
bleaching; a bleached coral can recover if temperatures fall within a few weeks.
`,
};

/** The course as an instructor would zip its folder: one wrapping folder, plus junk to ignore. */
export function bio200Zip(): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(BIO200_FILES)) entries[`bio200/${name}`] = strToU8(text);
  entries["bio200/.DS_Store"] = new Uint8Array([0, 0, 0, 1]);
  entries["bio200/figures/reef.png"] = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
  return zipSync(entries);
}
