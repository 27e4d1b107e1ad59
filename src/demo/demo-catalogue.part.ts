import type { DemoPart } from './demo.service.js';

/** The catalogue rows the demo users point at (the agreements' demo adds the rest). */
export const demoCataloguePart: DemoPart = {
  name: 'catalogue (demo users)',
  async load(tx) {
    await tx.query(`INSERT INTO donors (code, name) VALUES ('UE', 'Unión Europea') ON CONFLICT (code) DO NOTHING`);
    await tx.query(
      `INSERT INTO entities (code, name, kind) VALUES
         ('GORE-AYA', 'Gobierno Regional de Ayacucho', 'REGIONAL_GOVERNMENT'),
         ('SIS', 'Seguro Integral de Salud', 'NATIONAL_BODY')
       ON CONFLICT (code) DO NOTHING`,
    );
  },
};
