export * from './idNumber.ts';
export * from './names.ts';
export * from './phone.ts';
export * from './result.ts';
