import {
  always, criterion, ILLUSTRATIVE_NOTE, indicator, levels, managementProcess, period, subprocess, targets,
} from './demo-builders.js';
import type { DemoAgreement } from './demo-agreement.js';

/** Ayacucho districts of the EUROPAN convenio (seed 001, L3524-3528), INEI UBIGEO. */
const AYACUCHO_DISTRICTS = {
  acocro: '050102', acosVinchos: '050103', vinchos: '050114', socos: '050112', tambillo: '050113', chuschi: '050202', paras: '050205',
  lucanamarca: '050304', ayahuanco: '050402', santillana: '050406', anco: '050502', chungui: '050505', tambo: '050508', sanCristobal: '050615',
};
/** The six departments of the first national EUROPAN convenios: Ayacucho, Huancavelica, Apurímac, Amazonas, Huánuco, Cajamarca. */
const SIX_DEPARTMENTS = ['050000', '090000', '030000', '010000', '100000', '060000'];
/** The nine more of the SIS addendum (6 → 15 regions). */
const NINE_MORE = ['080000', '210000', '160000', '190000', '200000', '220000', '130000', '120000', '250000'];

const PAN_DATASHEET = {
  definition: 'Proporción de niñas y niños menores de 12 meses que recibieron las vacunas básicas completas para su edad.',
  purpose: 'Medir la protección de la población infantil frente a enfermedades inmunoprevenibles.',
  numerator: 'Niñas y niños menores de 12 meses del ámbito con vacunas básicas completas para su edad',
  denominator: 'Niñas y niños menores de 12 meses del ámbito registrados en el padrón nominado',
  formula: '(numerador / denominador) × 100',
  periodicity: 'Anual (seguimiento trimestral)',
  disaggregation: 'Departamento, provincia, distrito',
  performanceDimension: 'Eficacia',
  dataSource: 'HIS-MINSA y padrón nominado de niñas y niños',
  assumptions: 'El padrón nominado está actualizado; los registros HIS no se duplican.',
  alertThresholds: 'Alerta si el avance trimestral es menor al 20 % de la meta anual',
  responsibleUnits: 'DIRESA Ayacucho – Dirección de Salud de las Personas; Redes de Salud',
};

export const EUROPAN_AYACUCHO: DemoAgreement = {
  build: (c) => {
    const d = AYACUCHO_DISTRICTS;
    return {
      code: 'CAP-2010-EUROPAN-AYA',
      title: 'Convenio de Apoyo Presupuestario al Programa Articulado Nutricional – Gobierno Regional de Ayacucho',
      fundingProgramId: c.programme('EUROPAN'),
      entityId: c.entity('GORE-AYA'),
      startsOn: '2010-07-01',
      endsOn: '2013-12-31',
      maxAmount: '24000000.00',
      budgetProgramIds: [c.budgetProgram('0001')],
      prioritizedProductIds: c.products('0001'),
      notes: `${ILLUSTRATIVE_NOTE} Ámbito: distritos de quintil 1 de Huamanga, Cangallo, Huanca Sancos, Huanta, La Mar y Lucanas.`,
      rules: { fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: false, correctionDays: 15 },
      scope: { ubigeos: Object.values(d), quintiles: [1] },
      periods: [
        period(1, '2010-07-01', '2011-06-30', ['3000000.00', '2010-12-15'], ['4000000.00', '2011-09-30']),
        period(2, '2011-07-01', '2012-06-30', ['3500000.00', '2011-12-15'], ['5000000.00', '2012-09-30']),
        period(3, '2012-07-01', '2013-06-30', ['3500000.00', '2012-12-15'], ['5000000.00', '2013-09-30']),
      ],
      processes: [
        managementProcess('1', [
          subprocess('1.1', 'Programación de metas físicas y financieras del PP 0001', [
            criterion('1.1.1', 'Plan operativo del PAN aprobado con metas físicas por establecimiento de salud', 'BOOLEAN', always(3),
              { verificationMeans: 'Resolución ejecutiva regional de aprobación y anexo de metas' }),
            criterion('1.1.2', 'Establecimientos de salud del ámbito con metas físicas programadas según padrón nominado', 'AT_LEAST',
              levels('60', '75', '90'), { unit: '%', verificationMeans: 'Reporte SIGA-PpR de programación por establecimiento' }),
          ]),
          subprocess('1.2', 'Padrón nominado de niñas y niños', [
            criterion('1.2.1', 'Niñas y niños menores de 36 meses del ámbito registrados en el padrón nominado', 'AT_LEAST',
              levels('70', '85', '95'), { unit: '%', verificationMeans: 'Padrón nominado homologado con RENIEC' }),
          ]),
        ]),
        managementProcess('2', [
          subprocess('2.1', 'Adquisición de vacunas, suplementos de hierro y micronutrientes', [
            criterion('2.1.1', 'Ejecución del cuadro de necesidades de insumos priorizados', 'AT_LEAST', levels('70', '80', '90'),
              { unit: '%', verificationMeans: 'Órdenes de compra SIGA y ejecución SIAF' }),
            criterion('2.1.2', 'Establecimientos con desabastecimiento de vacunas por más de 30 días', 'AT_MOST', levels('30', '20', '10'),
              { unit: '%', verificationMeans: 'Informe ICI de la DIRESA' }),
          ]),
          subprocess('2.2', 'Distribución y cadena de frío', [
            criterion('2.2.1', 'Establecimientos del quintil 1 con cadena de frío operativa', 'AT_LEAST', levels('60', '75', '90'),
              { unit: '%', verificationMeans: 'Inventario de equipos de cadena de frío' }),
          ]),
        ]),
        managementProcess('3', [
          subprocess('3.1', 'Recursos humanos para CRED y vacunación', [
            criterion('3.1.1', 'Establecimientos del quintil 1 con personal completo para CRED y vacunas', 'AT_LEAST',
              levels('50', '65', '80'), { unit: '%', verificationMeans: 'Planilla AIRHSP y contratos CAS' }),
            criterion('3.1.2', 'Equipos de salud capacitados en CRED y consejería nutricional', 'BOOLEAN', always(3),
              { verificationMeans: 'Actas y listas de asistencia de la capacitación' }),
          ]),
        ]),
        managementProcess('4', [
          subprocess('4.1', 'Seguimiento de indicadores con las Redes de Salud', [
            criterion('4.1.1', 'Reuniones de seguimiento de indicadores con las Redes de Salud en el periodo', 'AT_LEAST',
              levels('2', '4', '4'), { unit: 'reuniones', verificationMeans: 'Actas de reunión' }),
            criterion('4.1.2', 'Tablero de control del PAN publicado y actualizado mensualmente', 'BOOLEAN', always(3),
              { verificationMeans: 'Dirección web del tablero y capturas mensuales' }),
          ]),
        ]),
      ],
      indicators: [
        indicator({
          code: 'IND-1', name: 'Proporción de niñas y niños menores de 12 meses con vacunas básicas completas para su edad',
          baseline: { value: '47.0', year: 2009, source: 'ENDES 2009' }, source: 'HIS-MINSA', territorialLevel: 'DISTRICT', weight: '0.4',
          scoring: { type: 'PROPORTIONAL', floor: '0.5' }, datasheet: PAN_DATASHEET,
          targets: [
            ...targets(['55', '63', '70'], d.vinchos), ...targets(['52', '60', '68'], d.socos),
            ...targets(['54', '62', '70'], d.chungui), ...targets(['50', '58', '66'], d.paras),
          ],
        }),
        indicator({
          code: 'IND-2', name: 'Proporción de niñas y niños menores de 36 meses con CRED completo para su edad',
          baseline: { value: '12.0', year: 2009, source: 'ENDES 2009' }, source: 'ENDES', weight: '0.35',
          scoring: { type: 'STEPS', steps: [{ minProgress: '1', score: '1' }, { minProgress: '0.75', score: '0.5' }] },
          targets: targets(['20', '30', '40']),
        }),
        indicator({
          code: 'IND-3', name: 'Proporción de niñas y niños de 6 a 35 meses con suplemento de hierro', kind: 'OUTPUT',
          baseline: { value: '18.5', year: 2009, source: 'ENDES 2009' }, source: 'ENDES', weight: '0.25', scoring: { type: 'BINARY' },
          targets: targets(['25', '32', '40']),
        }),
      ],
    };
  },
  signature: { number: 'Convenio N° 001-2010-EF/76.01 (ilustrativo)', signedOn: '2010-06-15' },
  stages: {
    'P1 FIXED': 'TRANSFERRED', 'P1 VARIABLE': 'TRANSFERRED',
    'P2 FIXED': 'APPROVED', 'P2 VARIABLE': 'VERIFIED',
    'P3 FIXED': 'OPEN', 'P3 VARIABLE': 'OPEN',
  },
};

/** Commitments of a national body: fewer criteria (MINAM asked to cut them from 17 to 8). */
const nationalCommitments = (what: { plan: string; supply: string; delivery: string; monitoring: string }) => [
  managementProcess('1', [subprocess('1.1', 'Programación operativa del programa presupuestal', [
    criterion('1.1.1', what.plan, 'BOOLEAN', always(3), { verificationMeans: 'Resolución de aprobación' }),
  ])]),
  managementProcess('2', [subprocess('2.1', 'Abastecimiento oportuno', [
    criterion('2.1.1', what.supply, 'AT_LEAST', levels('70', '80', '90'), { unit: '%', verificationMeans: 'Reportes SIGA y SIAF' }),
  ])]),
  managementProcess('3', [subprocess('3.1', 'Entrega de productos a la población priorizada', [
    criterion('3.1.1', what.delivery, 'AT_LEAST', levels('60', '75', '85'), { unit: '%', verificationMeans: 'Base de datos institucional' }),
  ])]),
  managementProcess('4', [subprocess('4.1', 'Seguimiento del convenio', [
    criterion('4.1.1', what.monitoring, 'BOOLEAN', always(3), { verificationMeans: 'Informes trimestrales remitidos a la DGPP' }),
  ])]),
];

export const EUROPAN_RENIEC: DemoAgreement = {
  build: (c) => ({
    code: 'CAP-2012-RENIEC',
    title: 'Convenio de Apoyo Presupuestario al PP 0079 Acceso de la población a la identidad – RENIEC',
    fundingProgramId: c.programme('EUROPAN'),
    entityId: c.entity('RENIEC'),
    startsOn: '2012-01-01',
    endsOn: '2015-06-30',
    maxAmount: '9000000.00',
    budgetProgramIds: [c.budgetProgram('0079')],
    prioritizedProductIds: c.products('0079'),
    notes: `${ILLUSTRATIVE_NOTE} Población: niñas y niños de 0 a 12 meses de los distritos del quintil más pobre.`,
    rules: { fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: true, correctionDays: 20 },
    scope: { ubigeos: SIX_DEPARTMENTS, quintiles: [1] },
    periods: [
      period(1, '2012-01-01', '2012-12-31', ['1000000.00', '2012-06-30'], ['1800000.00', '2013-03-31']),
      period(2, '2013-01-01', '2013-12-31', ['1000000.00', '2013-06-30'], ['2000000.00', '2014-03-31']),
      period(3, '2014-01-01', '2014-12-31', ['1000000.00', '2014-06-30'], ['2200000.00', '2015-03-31']),
    ],
    processes: nationalCommitments({
      plan: 'Plan de documentación de menores de 12 meses en el ámbito aprobado',
      supply: 'Oficinas registrales auxiliares en hospitales del ámbito con equipos y formularios suficientes',
      delivery: 'Nacidos vivos en hospitales con ORA que obtienen su DNI antes del alta',
      monitoring: 'Seguimiento diario de los indicadores en el aplicativo institucional',
    }),
    indicators: [
      indicator({
        code: 'IND-1', name: 'Proporción de niñas y niños de 0 a 12 meses de distritos del quintil 1 con DNI', kind: 'RESULT',
        baseline: { value: '35.0', year: 2011, source: 'RENIEC' }, source: 'RENIEC', weight: '0.6',
        targets: targets(['50', '65', '80']),
      }),
      indicator({
        code: 'IND-2', name: 'Oficinas registrales auxiliares (ORA) operativas en hospitales', unit: 'oficinas', territorialLevel: 'NATIONAL',
        baseline: { value: '47', year: 2011, source: 'RENIEC, diciembre 2011' }, source: 'RENIEC', weight: '0.4', scoring: { type: 'BINARY' },
        targets: targets(['60', '75', '90']),
      }),
    ],
  }),
  signature: { number: 'Convenio N° 004-2012-EF/50.01 (ilustrativo)', signedOn: '2012-03-20' },
  stages: { 'P1 FIXED': 'TRANSFERRED', 'P1 VARIABLE': 'TRANSFERRED', 'P2 FIXED': 'IN_REVIEW', 'P2 VARIABLE': 'SUBMITTED' },
};

export const EUROPAN_JUNTOS: DemoAgreement = {
  build: (c) => ({
    code: 'CAP-2012-JUNTOS',
    title: 'Convenio de Apoyo Presupuestario al PP 0049 – Programa JUNTOS (MIDIS)',
    fundingProgramId: c.programme('EUROPAN'),
    entityId: c.entity('JUNTOS'),
    startsOn: '2012-08-03',
    endsOn: '2015-10-31',
    maxAmount: '7500000.00',
    budgetProgramIds: [c.budgetProgram('0049')],
    prioritizedProductIds: c.products('0049'),
    notes: `${ILLUSTRATIVE_NOTE} Población: niñas y niños menores de 36 meses de los distritos JUNTOS.`,
    rules: { fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: false, correctionDays: 15 },
    scope: { ubigeos: ['050000', '090000', '030000', '010000', '060000', '100000'], quintiles: [1, 2] },
    periods: [
      period(1, '2012-08-03', '2013-07-31', ['1000000.00', '2013-01-31'], ['1500000.00', '2013-10-31']),
      period(2, '2013-08-01', '2014-07-31', ['1000000.00', '2014-01-31'], ['1500000.00', '2014-10-31']),
      period(3, '2014-08-01', '2015-07-31', ['1000000.00', '2015-01-31'], ['1500000.00', '2015-10-31']),
    ],
    processes: nationalCommitments({
      plan: 'Programación de hogares a abonar por periodo aprobada por la Dirección Ejecutiva',
      supply: 'Unidades territoriales con padrón de hogares verificado a tiempo',
      delivery: 'Hogares con corresponsabilidad verificada que reciben el incentivo en la fecha programada',
      monitoring: 'Tablero de gestión institucional actualizado y remitido a la DGPP',
    }),
    indicators: [
      indicator({
        code: 'IND-1', name: 'Hogares JUNTOS con niñas y niños menores de 36 meses que cumplen corresponsabilidades en salud y nutrición',
        kind: 'RESULT', baseline: { value: '70.0', year: 2011, source: 'JUNTOS' }, source: 'JUNTOS – verificación de corresponsabilidades',
        weight: '0.5', targets: targets(['74', '78', '82']),
      }),
      indicator({
        code: 'IND-2', name: 'Hogares afiliados que cobran el incentivo monetario por medios de pago electrónicos',
        baseline: { value: '61.9', year: 2012, source: 'JUNTOS' }, source: 'Banco de la Nación', weight: '0.5',
        targets: targets(['66', '72', '77.1']),
      }),
    ],
  }),
  signature: { number: 'Convenio N° 011-2012-EF/50.01 (ilustrativo)', signedOn: '2012-08-03' },
  stages: {
    'P1 FIXED': 'TRANSFERRED', 'P1 VARIABLE': 'TRANSFERRED', 'P2 FIXED': 'TRANSFERRED', 'P2 VARIABLE': 'TRANSFERRED',
    'P3 FIXED': 'CANCELLED', 'P3 VARIABLE': 'TRANSFERRED',
  },
  closed: true,
};

export const EUROPAN_SIS: DemoAgreement = {
  build: (c) => ({
    code: 'CAP-2012-SIS',
    title: 'Convenio de Apoyo Presupuestario a los programas presupuestales estratégicos – Seguro Integral de Salud',
    fundingProgramId: c.programme('EUROPAN'),
    entityId: c.entity('SIS'),
    startsOn: '2012-01-01',
    endsOn: '2015-06-30',
    maxAmount: '12000000.00',
    budgetProgramIds: [c.budgetProgram('0001')],
    prioritizedProductIds: c.products('0001'),
    notes: `${ILLUSTRATIVE_NOTE} Población: afiliados al SIS de los distritos del quintil 1.`,
    rules: { fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: false, correctionDays: 15 },
    scope: { ubigeos: SIX_DEPARTMENTS, quintiles: [1] },
    periods: [
      period(1, '2012-01-01', '2012-12-31', ['1500000.00', '2012-06-30'], ['2000000.00', '2013-03-31']),
      period(2, '2013-01-01', '2013-12-31', ['1500000.00', '2013-06-30'], ['2000000.00', '2014-03-31']),
      period(3, '2014-01-01', '2014-12-31', ['1500000.00', '2014-06-30'], ['2000000.00', '2015-03-31']),
    ],
    processes: nationalCommitments({
      plan: 'Programación de prestaciones del PAN por unidad desconcentrada regional aprobada',
      supply: 'Transferencias a las unidades ejecutoras de salud realizadas en el plazo programado',
      delivery: 'Prestaciones de CRED y vacunas registradas en el FUA con reglas de consistencia',
      monitoring: 'Padrón nominado de afiliados menores de 5 años actualizado mensualmente',
    }),
    indicators: [
      indicator({
        code: 'IND-1', name: 'Niñas y niños menores de 36 meses afiliados al SIS de distritos del quintil 1 con CRED completo para su edad',
        baseline: { value: '25.0', year: 2011, source: 'SIS' }, source: 'SIS – FUA', weight: '0.5', targets: targets(['32', '40', '48']),
      }),
      indicator({
        code: 'IND-2', name: 'Niñas y niños menores de 12 meses afiliados al SIS de distritos del quintil 1 con vacunas completas para su edad',
        baseline: { value: '55.0', year: 2011, source: 'SIS' }, source: 'SIS – FUA', weight: '0.5', targets: targets(['62', '68', '75']),
      }),
    ],
  }),
  signature: { number: 'Convenio N° 006-2012-EF/50.01 (ilustrativo)', signedOn: '2012-04-10' },
  stages: { 'P1 FIXED': 'TRANSFERRED', 'P1 VARIABLE': 'TRANSFERRED', 'P2 FIXED': 'VERIFIED', 'P2 VARIABLE': 'OBSERVED' },
  addendum: {
    effectiveFrom: '2014-01-01',
    reason: 'Adenda N° 1 (ilustrativa): no se alcanzaron las metas de 2013; se amplía el ámbito de 6 a 15 regiones y se reprograman las metas y el tramo variable de 2014',
    changes: {
      scope: { addUbigeos: NINE_MORE },
      targets: [{ indicator: 'IND-1', period: 'P3', value: '44' }, { indicator: 'IND-2', period: 'P3', value: '72' }],
      tranches: [{ period: 'P3', kind: 'VARIABLE', amount: '3500000.00' }],
      maxAmount: '13500000.00',
    },
  },
};
