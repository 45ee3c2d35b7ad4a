import { describe, expect, it } from 'vitest';
import {
  ESTABLISHMENTS,
  establishmentByCode,
  establishmentName,
  findEstablishment,
} from '../../shared/reference/establishments.ts';

/** The prison register (shared/reference/establishments.ts): codes and names both ways, typed loosely. */
describe('establishments', () => {
  it('names HEI HMP Hewell, and finds HEI by that name', () => {
    // Act
    const byCode = establishmentByCode('HEI');
    const byName = findEstablishment('HMP Hewell');
    // Assess
    expect(byCode).toEqual({ code: 'HEI', name: 'HMP Hewell' });
    expect(byName?.code).toBe('HEI');
    expect(establishmentName('HEI')).toBe('HMP Hewell');
  });

  it.each([
    'HEI',
    'hei',
    ' Hei ',
    'Hewell',
    'hewell',
    'hmp hewell',
    'HMP Hewell',
    'HEWELL (HMP)',
    'Hewell (HMP)',
    'HM Prison Hewell',
    'H.M.P. Hewell',
    'Hewell Prison',
    "His Majesty's Prison Hewell",
    ' Hewell  ',
    'HMP   Hewell.',
  ])('finds HMP Hewell from %j', (text) => {
    // Act
    const found = findEstablishment(text);
    // Assess
    expect(found?.code).toBe('HEI');
  });

  it.each([
    ['HMP & YOI Doncaster', 'DNI'],
    ['HMP/YOI Doncaster', 'DNI'],
    ['HMP and YOI Doncaster', 'DNI'],
    ['Doncaster (HMP & YOI)', 'DNI'],
    ['YOI Doncaster', 'DNI'],
    ['HMYOI Wetherby', 'WYI'],
    ['Wetherby YOI', 'WYI'],
    ['Young Offender Institution Wetherby', 'WYI'],
    ['HMP Guys Marsh', 'GMI'],
    ["HMP Guy's Marsh", 'GMI'],
    ['HMP Guy’s Marsh', 'GMI'],
    ['HMP The Mount', 'MTI'],
    ['The Verne', 'VEI'],
    ['Verne', 'VEI'],
    ['isle of wight', 'IWI'],
    ['Peterborough Female', 'PFI'],
    ['HMP Peterborough', 'PBI'],
  ])('finds %j as %s', (text, code) => {
    // Act
    const found = findEstablishment(text);
    // Assess
    expect(found?.code).toBe(code);
  });

  it('names the two Felthams apart, and will not guess which a bare "Feltham" means', () => {
    // Act
    const yoi = establishmentByCode('FYI');
    const prison = establishmentByCode('FMI');
    // Assess
    expect(yoi?.name).toBe('HMYOI Feltham');
    expect(prison?.name).toBe('HMP Feltham');
    expect(findEstablishment('HMYOI Feltham')?.code).toBe('FYI');
    expect(findEstablishment('Feltham (HMYOI)')?.code).toBe('FYI');
    expect(findEstablishment('Feltham YOI')?.code).toBe('FYI');
    expect(findEstablishment('HMP Feltham')?.code).toBe('FMI');
    expect(findEstablishment('HM Prison Feltham')?.code).toBe('FMI');
    expect(findEstablishment('Feltham')).toBeUndefined();
    expect(findEstablishment('HMP & YOI Feltham')).toBeUndefined();
  });

  it('tells HMP & YOI Parc from HMYOI Parc by the prefix', () => {
    // Act
    const names = [establishmentName('PRI'), establishmentName('PYI')];
    // Assess
    expect(names).toEqual(['HMP & YOI Parc', 'HMYOI Parc']);
    expect(findEstablishment('HMP Parc')?.code).toBe('PRI');
    expect(findEstablishment('HMP/YOI Parc')?.code).toBe('PRI');
    expect(findEstablishment('HMYOI Parc')?.code).toBe('PYI');
    expect(findEstablishment('Parc')).toBeUndefined();
  });

  it('names a YOI of the youth estate and a prison with a YOI as people say them', () => {
    // Act
    const names = ['WYI', 'CKI', 'DNI', 'AGI'].map(establishmentName);
    // Assess
    expect(names).toEqual([
      'HMYOI Wetherby',
      'HMYOI Cookham Wood',
      'HMP & YOI Doncaster',
      'HMP & YOI Askham Grange',
    ]);
  });

  it.each([
    'Nowhere',
    'HMP Nowhere',
    'ZZZ',
    'ZZGHI',
    'HMP',
    'HMP & YOI',
    '',
    '   ',
    'Kennet',
    'Medway',
    'Oakhill',
    'HMP Barlinnie',
    'HMP Maghaberry',
  ])('finds nothing for %j', (text) => {
    // Act
    const found = findEstablishment(text);
    // Assess
    expect(found).toBeUndefined();
  });

  it('gives back an unknown code as it is', () => {
    // Act
    const name = establishmentName('XYZ');
    // Assess
    expect(name).toBe('XYZ');
    expect(establishmentByCode('XYZ')).toBeUndefined();
  });

  it('has unique codes of three capitals ending in I, and unique names', () => {
    // Prepare
    const codes = ESTABLISHMENTS.map((e) => e.code);
    const names = ESTABLISHMENTS.map((e) => e.name);
    // Assess
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}I$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has about as many as England and Wales have prisons, none of them in Scotland or Northern Ireland', () => {
    // Prepare
    const names = ESTABLISHMENTS.map((e) => e.name);
    // Assess
    expect(ESTABLISHMENTS.length).toBeGreaterThanOrEqual(115);
    expect(ESTABLISHMENTS.length).toBeLessThanOrEqual(135);
    for (const name of [
      'Barlinnie',
      'Edinburgh',
      'Perth',
      'Polmont',
      'Maghaberry',
      'Magilligan',
      'Hydebank',
    ]) {
      expect(names.some((n) => n.includes(name))).toBe(false);
    }
  });

  it('writes every name with its prefix first, and finds every prison by its code and by its name', () => {
    // Assess
    for (const { code, name } of ESTABLISHMENTS) {
      expect(name).toMatch(/^(HMP|HMYOI|HMP & YOI) [A-Z]/);
      expect(findEstablishment(code.toLowerCase())?.code).toBe(code);
      expect(findEstablishment(name)?.code).toBe(code);
      expect(findEstablishment(name.toUpperCase())?.code).toBe(code);
    }
  });

  it('lists them by place, whatever the prefix', () => {
    // Prepare
    const places = ESTABLISHMENTS.map((e) => e.name.replace(/^(HMP & YOI|HMYOI|HMP) /, ''));
    // Assess
    expect(places).toEqual([...places].sort((a, b) => a.localeCompare(b, 'en')));
    expect(places[0]).toBe('Altcourse');
  });
});
