import {
  always, criterion, ILLUSTRATIVE_NOTE, indicator, levels, managementProcess, period, subprocess, targets,
} from './demo-builders.js';
import type { DemoAgreement } from './demo-agreement.js';

/** Districts of the Amazonas maternal and neonatal health convenio (seed 001, L3315-3321). */
const AMAZONAS_DISTRICTS = [
  '010102', '010103', '010105', '010106', '010107', '010109', '010110', '010111', '010116', '010117', '010121', // Chachapoyas
  '010205', // Bagua: Imaza
  '010401', '010402', '010403', // Condorcanqui
  '010502', '010503', '010504', '010507', '010509', '010513', '010514', '010515', '010516', '010517', '010518', '010519', '010520', '010521', // Luya
  '010602', '010612', // Rodríguez de Mendoza
  '010703', '010706', '010707', // Utcubamba
  '010304', '010306', '010308', '010311', // Bongará
];

export const SMN_AMAZONAS: DemoAgreement = {
  build: (c) => ({
    code: 'CAP-2014-SMN-AMA',
    title: 'Convenio de Apoyo Presupuestario al PP 0002 Salud materno neonatal – Gobierno Regional de Amazonas',
    fundingProgramId: c.programme('AUS-BE'),
    entityId: c.entity('GORE-AMA'),
    verifierEntityId: c.entity('SIS'),
    startsOn: '2014-01-01',
    endsOn: '2017-06-30',
    maxAmount: '15000000.00',
    budgetProgramIds: [c.budgetProgram('0002')],
    prioritizedProductIds: c.products('0002'),
    notes: `${ILLUSTRATIVE_NOTE} Suscrito bajo la Directiva 002-2014-EF/50.01; el SIS verifica el cumplimiento de compromisos y metas.`,
    rules: { fixedTrancheRule: 'PER_PROCESS', allowCarryOver: true, correctionDays: 20 },
    scope: { ubigeos: AMAZONAS_DISTRICTS, quintiles: [1, 2] },
    periods: [
      period(1, '2014-01-01', '2014-12-31', ['1500000.00', '2014-07-31'], ['3000000.00', '2015-04-30']),
      period(2, '2015-01-01', '2015-12-31', ['1500000.00', '2015-07-31'], ['3500000.00', '2016-04-30']),
      period(3, '2016-01-01', '2016-12-31', ['1500000.00', '2016-07-31'], ['4000000.00', '2017-04-30']),
    ],
    processes: [
      { ...managementProcess('1', [subprocess('1.1', 'Programación de la atención prenatal y del parto institucional', [
        criterion('1.1.1', 'Plan de atención materno neonatal de las Redes de Salud aprobado', 'BOOLEAN', always(3),
          { verificationMeans: 'Resolución directoral de la DIRESA' }),
      ])]), share: '0.25' },
      { ...managementProcess('2', [subprocess('2.1', 'Abastecimiento de insumos de planificación familiar y exámenes auxiliares', [
        criterion('2.1.1', 'Establecimientos FONB con insumos de planificación familiar disponibles', 'AT_LEAST', levels('70', '80', '90'),
          { unit: '%', verificationMeans: 'Informe ICI' }),
        criterion('2.1.2', 'Establecimientos con reactivos para tamizaje de VIH y sífilis', 'AT_LEAST', levels('60', '75', '90'),
          { unit: '%', verificationMeans: 'Informe ICI' }),
      ])]), share: '0.25' },
      { ...managementProcess('3', [subprocess('3.1', 'Funciones obstétricas y neonatales', [
        criterion('3.1.1', 'Establecimientos FONB y FONE con personal completo para la atención del parto', 'AT_LEAST', levels('50', '65', '80'),
          { unit: '%', verificationMeans: 'Registro de personal AIRHSP' }),
      ])]), share: '0.3' },
      { ...managementProcess('4', [subprocess('4.1', 'Seguimiento de gestantes', [
        criterion('4.1.1', 'Gestantes del ámbito con seguimiento nominal en el padrón', 'AT_LEAST', levels('60', '75', '90'),
          { unit: '%', verificationMeans: 'Padrón nominal de gestantes' }),
      ])]), share: '0.2' },
    ],
    // The four indicators of the convenio, verbatim (seed 001, L3323-3335).
    indicators: [
      indicator({
        code: 'IND-1',
        name: 'Proporción de mujeres afiliadas al SIS procedentes de distritos de quintiles 1 y 2 con parto institucional que durante su embarazo ' +
          'tuvieron 4 exámenes auxiliares (examen completo de orina, hemoglobina/hematocrito, tamizaje VIH, tamizaje Sífilis) en el primer ' +
          'trimestre y al menos 4 atenciones prenatales con suplemento de hierro y ácido fólico',
        baseline: { value: '18.4', year: 2013, source: 'SIS' }, source: 'SIS – FUA', weight: '0.3', targets: targets(['25', '32', '40']),
      }),
      indicator({
        code: 'IND-2',
        name: 'Proporción de gestantes afiliadas al SIS procedentes de distritos del quintil 1 y 2 que tienen parto institucional en Establecimientos de Salud FONB y FONE',
        baseline: { value: '61.0', year: 2013, source: 'SIS' }, source: 'SIS – FUA', weight: '0.25', targets: targets(['66', '71', '76']),
      }),
      indicator({
        code: 'IND-3',
        name: 'Proporción de mujeres afiliadas al SIS procedentes de distritos del quintil 1 y 2 con consejería en planificación familiar',
        baseline: { value: '35.2', year: 2013, source: 'SIS' }, source: 'SIS – FUA', weight: '0.2', targets: targets(['42', '50', '58']),
      }),
      indicator({
        code: 'IND-4',
        name: 'Proporción de mujeres en unión procedentes de los quintiles I y II que usan algún método moderno de planificación familiar',
        kind: 'RESULT', baseline: { value: '41.5', year: 2013, source: 'ENDES 2013' }, source: 'ENDES', weight: '0.25',
        scoring: { type: 'STEPS', steps: [{ minProgress: '1', score: '1' }, { minProgress: '0.5', score: '0.5' }] },
        targets: targets(['44', '47', '50']),
      }),
    ],
  }),
  signature: { number: 'Convenio N° 002-2014-EF/50.01 (ilustrativo)', signedOn: '2013-12-20' },
  stages: { 'P1 FIXED': 'VERIFIED', 'P1 VARIABLE': 'IN_REVIEW' },
};

/** Focus districts in Piura: Montero (Ayabaca), Sullana, Morropón, San Miguel de El Faique (Huancabamba). */
const PIURA_DISTRICTS = ['200205', '200601', '200405', '200306'];

export const ECOTRADE_PIURA: DemoAgreement = {
  build: (c) => ({
    code: 'CAP-2014-ECOTRADE-PIU',
    title: 'Convenio de Apoyo Presupuestario al PP 0035 Gestión sostenible de recursos naturales y diversidad biológica – Gobierno Regional de Piura',
    fundingProgramId: c.programme('EURO-ECOTRADE'),
    entityId: c.entity('GORE-PIU'),
    startsOn: '2014-04-01',
    endsOn: '2017-06-30',
    maxAmount: '6000000.00',
    budgetProgramIds: [c.budgetProgram('0035')],
    prioritizedProductIds: c.products('0035'),
    notes: `${ILLUSTRATIVE_NOTE} Cadenas de valor: mango, banano orgánico, panela, limón, maracuyá y café. La primera transferencia exigió un informe cero con siete criterios administrativos y logísticos.`,
    rules: { fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: false, correctionDays: 30 },
    scope: { ubigeos: PIURA_DISTRICTS, quintiles: [] },
    periods: [
      period(1, '2014-04-01', '2015-03-31', ['800000.00', '2014-06-30'], ['1000000.00', '2015-06-30']),
      period(2, '2015-04-01', '2016-03-31', ['700000.00', '2015-06-30'], ['1200000.00', '2016-06-30']),
      period(3, '2016-04-01', '2017-03-31', ['700000.00', '2016-06-30'], ['1400000.00', '2017-05-31']),
    ],
    processes: [
      managementProcess('1', [subprocess('1.1', 'Organización del equipo del convenio', [
        criterion('1.1.1', 'Equipo técnico del convenio designado por resolución', 'BOOLEAN', always(3)),
        criterion('1.1.2', 'Plan de trabajo de ZEE y cadenas de valor aprobado', 'BOOLEAN', always(3)),
      ])]),
      managementProcess('2', [subprocess('2.1', 'Procesos de selección y contratación', [
        criterion('2.1.1', 'Procesos de selección del plan anual de contrataciones convocados', 'AT_LEAST', levels('60', '80', '90'), { unit: '%' }),
        criterion('2.1.2', 'Ejecución presupuestal de los recursos del convenio', 'AT_LEAST', levels('50', '70', '85'), { unit: '%' }),
      ])]),
      managementProcess('3', [subprocess('3.1', 'Asistencia técnica a gobiernos locales', [
        criterion('3.1.1', 'Gobiernos locales provinciales con comisión técnica de ZEE instalada', 'AT_LEAST', levels('2', '3', '4'), { unit: 'provincias' }),
        criterion('3.1.2', 'Productores capacitados en las cadenas de valor priorizadas', 'AT_LEAST', levels('300', '700', '1000'), { unit: 'productores' }),
      ])]),
      managementProcess('4', [subprocess('4.1', 'Seguimiento y coordinación intersectorial', [
        criterion('4.1.1', 'Informe trimestral con la Gerencia de Desarrollo Económico y la Dirección Regional de Agricultura', 'BOOLEAN', always(3)),
      ])]),
    ],
    indicators: [
      indicator({
        code: 'IND-1',
        name: 'Porcentaje promedio de avance del proceso de Zonificación Ecológica Económica (ZEE) a nivel MICRO de los Gobiernos Locales Provinciales seleccionados del departamento de Piura',
        baseline: { value: '20', year: 2013, source: 'MINAM' }, source: 'MINAM – Dirección General de Ordenamiento Territorial', weight: '0.6',
        territorialLevel: 'PROVINCE', targets: targets(['40', '60', '76']),
      }),
      indicator({
        code: 'IND-2', name: 'Hectáreas con certificación orgánica en las cadenas de valor priorizadas', unit: 'ha',
        baseline: { value: '15000', year: 2013, source: 'SENASA' }, source: 'SENASA', weight: '0.4', scoring: { type: 'PROPORTIONAL', floor: '0.5' },
        targets: targets(['15800', '16600', '17500']),
      }),
    ],
  }),
  signature: { number: 'Convenio N° 003-2014-EF/50.01 (ilustrativo)', signedOn: '2014-04-08' },
  stages: { 'P1 FIXED': 'TRANSFERRED', 'P1 VARIABLE': 'APPROVED', 'P2 FIXED': 'SUBMITTED' },
};

export const ENLCD_DEVIDA: DemoAgreement = {
  build: (c) => ({
    code: 'CAP-2012-ENLCD-DEVIDA',
    title: 'Convenio de Apoyo Presupuestario al PP 0051 Prevención y tratamiento del consumo de drogas – DEVIDA',
    fundingProgramId: c.programme('ENLCD'),
    entityId: c.entity('DEVIDA'),
    startsOn: '2012-01-01',
    endsOn: '2016-12-31',
    maxAmount: '10000000.00',
    budgetProgramIds: [c.budgetProgram('0051')],
    prioritizedProductIds: [],
    notes: `${ILLUSTRATIVE_NOTE} Borrador: convenio en cascada con la DRE Ayacucho; los directores de las instituciones educativas firman compromisos.`,
    rules: { fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: true, correctionDays: 15 },
    // VRAEM (Ayacucho, Cusco, Junín) and Marañón, Putumayo, Bajo Amazonas (Amazonas, Cajamarca, La Libertad, Loreto).
    scope: { ubigeos: ['050000', '080000', '120000', '010000', '060000', '130000', '160000'], quintiles: [] },
    periods: [
      period(1, '2012-01-01', '2012-12-31', ['1000000.00', '2012-07-31'], ['1200000.00', '2013-04-30']),
      period(2, '2013-01-01', '2013-12-31', ['1000000.00', '2013-07-31'], ['1300000.00', '2014-04-30']),
      period(3, '2014-01-01', '2014-12-31', ['1000000.00', '2014-07-31'], ['1400000.00', '2015-04-30']),
      period(4, '2015-01-01', '2015-12-31', ['1000000.00', '2015-07-31'], ['1500000.00', '2016-04-30']),
    ],
    processes: [
      managementProcess('1', [subprocess('1.1', 'Programación con la DRE Ayacucho', [
        criterion('1.1.1', 'Convenio con la DRE Ayacucho y compromisos de los directores suscritos', 'BOOLEAN', always(4)),
      ])]),
      managementProcess('3', [subprocess('3.1', 'Prevención en instituciones educativas', [
        criterion('3.1.1', 'Sesiones del programa de prevención dictadas por institución educativa', 'AT_LEAST', levels('7', '9', '12', '12'), { unit: 'sesiones' }),
      ])]),
      managementProcess('4', [subprocess('4.1', 'Encuestas de verificación de metas', [
        criterion('4.1.1', 'Encuesta de verificación de metas aplicada en las instituciones educativas del ámbito', 'BOOLEAN', always(4)),
      ])]),
    ],
    indicators: [
      indicator({
        code: 'IND-1', name: 'Prevalencia anual de consumo de drogas ilegales en escolares de secundaria del ámbito', kind: 'RESULT',
        direction: 'DECREASE', baseline: { value: '4.8', year: 2011, source: 'DEVIDA – encuesta en escolares' }, source: 'DEVIDA', weight: '0.5',
        targets: targets(['4.5', '4.2', '3.9', '3.6']),
      }),
      indicator({
        code: 'IND-2', name: 'Instituciones educativas del ámbito que aplican el programa de prevención del consumo de drogas', unit: 'instituciones',
        baseline: { value: '15', year: 2011, source: 'DRE Ayacucho' }, source: 'DEVIDA', weight: '0.5', scoring: { type: 'BINARY' },
        targets: targets(['19', '23', '30', '36']),
      }),
    ],
  }),
};
