/**
 * @deprecated Use `./vaadin-combo-box/comboBoxConnector.ts` instead. This
 * entrypoint is kept for backwards compatibility and is removed in the next
 * major version.
 */
export * from './vaadin-combo-box/comboBoxConnector.ts';
