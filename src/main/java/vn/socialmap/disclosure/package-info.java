/**
 * Statistical disclosure control: counts about people published to those who may not read
 * the people themselves, by the cell-key method (consistent perturbation), and the rules for
 * official tables (docs/disclosure.md).
 */
package vn.socialmap.disclosure;
