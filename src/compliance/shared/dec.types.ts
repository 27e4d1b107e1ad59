/**
 * A decimal carried as text ("1250000.00", "0.25", "-3.5") so that no value ever passes
 * through binary floating point on its way in or out of the engine.
 */
export type Dec = string;

/** Caller's labels for the computation (agreement version, period…); part of the input hash. */
export type ComputationContext = Record<string, string>;
