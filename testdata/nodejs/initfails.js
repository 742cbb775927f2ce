// Fails at top level: every cold start of this module fails.
throw new Error('cannot connect at init');
