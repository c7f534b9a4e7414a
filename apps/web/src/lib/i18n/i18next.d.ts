import 'i18next';
import type { Translation } from './translation';

// i18next reads its key types from this interface (module augmentation needs an interface).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}
