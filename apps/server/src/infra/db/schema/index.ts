export * from './accounts';
export * from './catalog';
export * from './customers';
export * from './follow-ups';
export * from './intake';
export * from './reports';
export * from './sales';
