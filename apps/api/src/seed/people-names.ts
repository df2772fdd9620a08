/** Given names, surnames and birth places by culture, for the demo catalog's people and characters. */

export interface Culture {
  key: string;
  /** Nationality adjective for biographies. */
  nationality: string;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  places: readonly string[];
  /** Korean style: surname first. */
  surnameFirst?: boolean;
}

const W = (s: string) => s.split(',').map((x) => x.trim());

export const CULTURES: Record<string, Culture> = {
  en: {
    key: 'en',
    nationality: 'American',
    female: W(
      'Mara, Nora, June, Iris, Clara, Hazel, Ruth, Tessa, Maeve, Alice, Grace, Willa, Ada, Harriet, Imogen, Vivian, Delia, Fern, Bridget, Cora, Lydia, Esme, Talia, Naomi, Joanna, Keira',
    ),
    male: W(
      'Owen, Silas, Theo, Jonah, Calvin, Felix, Reid, Gideon, Miles, Declan, Arthur, Eli, Wes, Jasper, Rory, Callum, Emmett, Graham, Rhys, Nathaniel, Desmond, Isaac, Franklin, Marcus, Tobias, Dorian',
    ),
    surnames: W(
      'Quinn, Hale, Mercer, Whitlock, Ashford, Calloway, Brennan, Okafor, Delaney, Thorne, Vance, Pryor, Kaplan, Sutherland, Marsh, Greer, Holloway, Faraday, Doyle, Adeyemi, Lockhart, Pemberton, Fairbanks, Ellery, Harlow, Winslow, Caldwell, Rourke, Abernathy, Osei, Barlow, Kendrick, Sloane, Hargrove, Prescott, Langley, Maddox, Carver',
    ),
    places: [
      'Portland, Oregon, USA',
      'Leeds, England, UK',
      'Cork, Ireland',
      'Toronto, Ontario, Canada',
      'Melbourne, Victoria, Australia',
      'Atlanta, Georgia, USA',
      'Glasgow, Scotland, UK',
      'Austin, Texas, USA',
      'Auckland, New Zealand',
      'Cleveland, Ohio, USA',
      'Bristol, England, UK',
      'Chicago, Illinois, USA',
      'Cardiff, Wales, UK',
      'Vancouver, British Columbia, Canada',
    ],
  },
  es: {
    key: 'es',
    nationality: 'Spanish',
    female: W(
      'Lucía, Carmen, Valeria, Inés, Paloma, Marta, Alba, Julia, Ximena, Renata, Itziar, Nerea, Daniela, Mercedes',
    ),
    male: W('Mateo, Diego, Javier, Álvaro, Tomás, Emilio, Rodrigo, Hugo, Iker, Santiago, Joaquín, Bruno, Gael, Andrés'),
    surnames: W(
      'Ortega, Salazar, Navarro, Castillo, Ibarra, Fuentes, Morales, Cabrera, Vidal, Serrano, Rivas, Quintero, Beltrán, Aguirre, Montoya, Echeverría, Paredes, Villalobos',
    ),
    places: [
      'Seville, Spain',
      'Bilbao, Spain',
      'Valencia, Spain',
      'Madrid, Spain',
      'Guadalajara, Jalisco, Mexico',
      'Monterrey, Mexico',
      'Mexico City, Mexico',
      'Buenos Aires, Argentina',
      'Bogotá, Colombia',
    ],
  },
  ja: {
    key: 'ja',
    nationality: 'Japanese',
    female: W('Haruka, Aoi, Yui, Misaki, Rin, Nanami, Emi, Kaori, Ayame, Hikari, Mio, Chiyo, Sayuri, Natsuki'),
    male: W('Haruto, Ren, Sota, Kaito, Daichi, Takumi, Yuto, Kenji, Shun, Riku, Sora, Hayato, Itsuki, Ryo'),
    surnames: W(
      'Amamiya, Kisaragi, Takeda, Morimoto, Hoshino, Fujimoto, Sakamoto, Ishikawa, Tachibana, Mizuno, Kanzaki, Shiraishi, Aizawa, Nakagawa, Kamiya, Hayashi, Ogawa, Kurata',
    ),
    places: [
      'Osaka, Japan',
      'Sapporo, Hokkaido, Japan',
      'Fukuoka, Japan',
      'Nagoya, Aichi, Japan',
      'Sendai, Miyagi, Japan',
      'Yokohama, Kanagawa, Japan',
      'Tokyo, Japan',
      'Kyoto, Japan',
    ],
  },
  de: {
    key: 'de',
    nationality: 'German',
    female: W('Lena, Johanna, Greta, Mila, Friederike, Anke, Marlene, Clara, Hanna, Ida'),
    male: W('Lukas, Jonas, Matthias, Felix, Tobias, Karl, Moritz, Henrik, Anton, Emil'),
    surnames: W('Brandt, Keller, Vogel, Hartmann, Lindner, Wolff, Adler, Richter, Baumann, Krüger, Albrecht, Seidel'),
    places: [
      'Hamburg, Germany',
      'Munich, Germany',
      'Leipzig, Germany',
      'Cologne, Germany',
      'Vienna, Austria',
      'Dresden, Germany',
    ],
  },
  fr: {
    key: 'fr',
    nationality: 'French',
    female: W('Camille, Élise, Margaux, Juliette, Manon, Céline, Inès, Apolline, Léa, Solène'),
    male: W('Théo, Julien, Mathis, Antoine, Lucien, Rémi, Baptiste, Gaspard, Louis, Adrien'),
    surnames: W(
      'Moreau, Lefèvre, Girard, Dubois, Fontaine, Marchand, Roussel, Chevalier, Laurent, Perrin, Garnier, Bonnet',
    ),
    places: [
      'Lyon, France',
      'Marseille, France',
      'Nantes, France',
      'Bordeaux, France',
      'Brussels, Belgium',
      'Montréal, Québec, Canada',
      'Paris, France',
    ],
  },
  'pt-BR': {
    key: 'pt-BR',
    nationality: 'Brazilian',
    female: W('Beatriz, Larissa, Gabriela, Luana, Fernanda, Isabela, Camila, Rafaela'),
    male: W('João, Rafael, Thiago, Caio, Bruno, Gustavo, Davi, Heitor'),
    surnames: W(
      'Almeida, Carvalho, Ribeiro, Costa, Nogueira, Barros, Teixeira, Moura, Pereira, Azevedo, Lacerda, Siqueira',
    ),
    places: [
      'São Paulo, Brazil',
      'Recife, Pernambuco, Brazil',
      'Porto Alegre, Brazil',
      'Belo Horizonte, Brazil',
      'Salvador, Bahia, Brazil',
      'Rio de Janeiro, Brazil',
    ],
  },
  ko: {
    key: 'ko',
    nationality: 'South Korean',
    female: W('Ji-woo, Seo-yeon, Ha-eun, Min-ji, Soo-ah, Ye-jin, Da-in'),
    male: W('Min-jun, Do-hyun, Seo-jun, Tae-yang, Ji-hoon, Woo-jin, Hyun-soo'),
    surnames: W('Kim, Park, Choi, Jung, Kang, Yoon, Han, Seo, Lim, Baek'),
    places: [
      'Seoul, South Korea',
      'Busan, South Korea',
      'Daegu, South Korea',
      'Incheon, South Korea',
      'Gwangju, South Korea',
    ],
    surnameFirst: true,
  },
  it: {
    key: 'it',
    nationality: 'Italian',
    female: W('Giulia, Chiara, Francesca, Serena, Alessia, Marta'),
    male: W('Marco, Lorenzo, Matteo, Davide, Pietro, Tommaso'),
    surnames: W('Ricci, Marino, Greco, Gallo, Conti, De Luca, Esposito, Romano, Colombo, Ferraro'),
    places: ['Naples, Italy', 'Turin, Italy', 'Bologna, Italy', 'Palermo, Italy', 'Rome, Italy'],
  },
  hi: {
    key: 'hi',
    nationality: 'Indian',
    female: W('Ananya, Priya, Kavya, Meera, Ishita, Tara'),
    male: W('Arjun, Rohan, Vikram, Kabir, Aditya, Dev'),
    surnames: W('Sharma, Iyer, Kapoor, Mehta, Nair, Reddy, Bose, Chatterjee, Malhotra, Desai'),
    places: ['Mumbai, India', 'Kolkata, India', 'Chennai, India', 'Jaipur, India', 'Bengaluru, India'],
  },
  sv: {
    key: 'sv',
    nationality: 'Swedish',
    female: W('Saga, Elsa, Linnea, Maja, Astrid'),
    male: W('Oskar, Viktor, Nils, Axel, Hugo'),
    surnames: W('Lindqvist, Berg, Holm, Sandberg, Ek, Nyström, Dahl'),
    places: ['Gothenburg, Sweden', 'Malmö, Sweden', 'Uppsala, Sweden', 'Stockholm, Sweden'],
  },
};

/** English names of the languages the catalog uses. */
export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  'es-MX': 'Spanish (Latin America)',
  ja: 'Japanese',
  de: 'German',
  fr: 'French',
  'pt-BR': 'Portuguese (Brazil)',
  ko: 'Korean',
  it: 'Italian',
  hi: 'Hindi',
  sv: 'Swedish',
  ar: 'Arabic',
  zh: 'Chinese',
};

/** Production countries by original language. */
export const COUNTRIES_BY_LANGUAGE: Record<string, readonly string[]> = {
  en: ['US', 'US', 'US', 'GB', 'GB', 'CA', 'AU', 'IE', 'NZ'],
  es: ['ES', 'ES', 'MX', 'MX', 'AR', 'CO'],
  ja: ['JP'],
  de: ['DE', 'DE', 'AT'],
  fr: ['FR', 'FR', 'BE', 'CA'],
  'pt-BR': ['BR'],
  ko: ['KR'],
  it: ['IT'],
  hi: ['IN'],
  sv: ['SE'],
};
