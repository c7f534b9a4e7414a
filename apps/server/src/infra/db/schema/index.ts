export * from './accounts';
export * from './catalog';
export * from './customers';
export * from './intake';
