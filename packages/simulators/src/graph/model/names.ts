/** Name pools: JSON-safe (no quote, backslash or control characters), several with diacritics. */
export const GIVEN_NAMES = [
  "Anna",
  "Zoë",
  "José",
  "Björn",
  "Élodie",
  "Łukasz",
  "Søren",
  "Chloé",
  "Jürgen",
  "Ana",
  "Mateo",
  "Ines",
  "Noah",
  "Emma",
  "Liam",
  "Olivia",
  "Hana",
  "Kenji",
  "Aisha",
  "Mohammed",
  "François",
  "Małgorzata",
  "Dvořák",
  "Núria",
  "Çağla",
  "Tomás",
  "Siobhán",
  "Zoltán",
  "Ægir",
  "Maria",
  "David",
  "Sofia",
  "Lucas",
  "Mia",
  "Ben",
  "Lea",
  "Jonas",
  "Ida",
  "Ömer",
  "Renée",
];

/** Surnames, some with diacritics. */
export const SURNAMES = [
  "Müller",
  "García",
  "Nguyễn",
  "Smith",
  "Kowalski",
  "Østergaard",
  "Dubois",
  "Jensen",
  "Rossi",
  "Schröder",
  "Fernández",
  "Novák",
  "Yılmaz",
  "Sato",
  "Okafor",
  "Lindqvist",
  "Brown",
  "Łęcki",
  "Pérez",
  "O Brien",
  "Wagner",
  "Moreau",
  "Costa",
  "Horváth",
  "Andersson",
  "Kim",
  "Patel",
  "Silva",
  "Nieminen",
  "Weiß",
];

/** ASCII forms of names for mail addresses and UPNs. */
export function asciiFold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[ØøÆæŁł]/g, (c) => ({ Ø: "O", ø: "o", Æ: "Ae", æ: "ae", Ł: "L", ł: "l" })[c] ?? c)
    .replace(/[^A-Za-z0-9]/g, "");
}

/** Departments. */
export const DEPARTMENTS = [
  "Finance",
  "Human Resources",
  "Engineering",
  "Sales",
  "Marketing",
  "Operations",
  "Legal",
  "IT",
  "Logistics",
  "Customer Service",
];

/** Job titles. */
export const JOB_TITLES = [
  "Engineer",
  "Senior Engineer",
  "Accountant",
  "Sales Manager",
  "Technician",
  "Analyst",
  "Consultant",
  "Team Lead",
  "Director",
  "Assistant",
];

/** ISO country names as Graph stores them (free text). */
export const COUNTRIES = [
  "Germany",
  "France",
  "Spain",
  "United States",
  "Poland",
  "Denmark",
  "Türkiye",
  "Japan",
];

/** Usage locations matching {@link COUNTRIES}. */
export const USAGE_LOCATIONS = ["DE", "FR", "ES", "US", "PL", "DK", "TR", "JP"];

/** Company names. */
export const COMPANIES = ["Uslimato GmbH", "Uslimato España S.L.", "Uslimato Inc."];

/** Office locations. */
export const OFFICES = ["Berlin", "München", "Paris", "Madrid", "Seattle", "Kraków", "Aarhus", "İstanbul"];

/** Guest home domains. */
export const GUEST_DOMAINS = ["partner.example", "gmail.example", "contoso.example"];
