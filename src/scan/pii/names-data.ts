/**
 * A small, hand-written gazetteer of common given names from many languages,
 * used only as a cue next to other evidence (capitalisation, a following
 * surname, a title or a "my name is" context). Names that are also common
 * English words, months, places or adjectives (May, Will, Grace, Paris, Jordan,
 * Roman...) are left out on purpose; short forms that are rarely anything but
 * a name when capitalised (Sam, Mike, Josh, Lily) are in, verbs that start
 * sentences (Rob, Pat, Sue, Drew) are not.
 */
import { GAZ_GIVEN, GAZ_SURNAMES } from './gazetteer-data.js';

const GIVEN = `
Aaron Abdul Abdullah Abigail Abraham Adam Adrian Adriana Agnes Ahmed Aida Aidan Aiden Aisha Alan Albert Alberto Aleksandr Aleksandra Alejandro Alena
Alessandro Alessandra Alex Alexa Alexander Alexandra Alexandre Alexei Alexis Alfonso Alfred Alfredo Ali Alice Alicia Alina Alison Allison Alma Amanda
Amelia Amelie Amir Amit Amy Ana Anastasia Anders Andre Andrea Andreas Andrei Andres Andrew Andrzej Andy Angela Angelika Angelo Anita Ann Anna Annabelle
Anne Annika Anthony Antoine Anton Antonio Anya Arjun Armando Arne Arnold Arthur Arturo Ashley Astrid Audrey Augusto Axel Ayesha Barbara Barry Bastian
Beatrice Beatriz Ben Benedikt Benjamin Bernard Bernd Beth Bethany Betty Bianca Birgit Bjorn Björn Blake Bogdan Boris Brandon Brenda Brian Bridget
Brigitte Bruno Bryan Caitlin Camila Camille Carina Carl Carla Carlos Carmen Carol Caroline Carolyn Carsten Catherine Cecilia Celine Charles Charlotte
Chen Chiara Chloe Chris Christian Christina Christine Christoph Christopher Claire Clara Claudia Claudio Colin Connor Constance Cristina Daniel
Daniela Danielle Dan Daniele Danny Dario Darius David Deborah Debra Denise Dennis Derek Diana Diane Diego Dieter Dimitri Dmitri Dmitry Dominic Dominik
Donald Donna Doris Dorothy Douglas Duncan Dylan Edgar Eduardo Edward Edwin Elena Eleanor Eli Elias Elif Elisa Elisabeth Elizabeth Ella Ellen Elsa Emil
Emilia Emily Emma Emmanuel Enrique Enzo Eric Erik Erika Ernesto Esther Ethan Eugene Eva Evelyn Fabian Fabio Fábio Farah Fatima Federico Felipe Felix
Fernando Filip Fiona Florian Frances Francesca Francesco Francis Francisco Franco Frank Franz Fred Frederick Frida Friedrich Gabriel
Gabriela Gabriele Gabrielle Gareth Gary Georg George Gerald Gerhard Giacomo Gianluca Gilbert Gina Giorgio Giovanni Giulia Giuseppe Gloria Gonzalo Gordon
Graham Greta Gregory Guillaume Gunnar Gustav Gustavo Hakan Håkan Hamza Hana Hannah Hans Harold Harry Hassan Heather Hector Heidi Heinrich Helen Helena
Helga Henrik Henry Herbert Hiroshi Hugo Hussein Ian Ibrahim Igor Ilya Ingrid Irene Irina Isaac Isabel Isabella Isabelle Ivan Ivana Jack Jacob Jacqueline
Jakob Jakub James Jamie Jan Jana Jane Janet Janice Jason Javier Jean Jeffrey Jennifer Jens Jeremy Jerome Jesper Jessica Jesus Jiri Joakim Joan Joanna
Joao João Joaquin Joe Johan Johann Johanna Johannes John Jonas Jonathan Jordi Jorge Jose José Josef Joseph Joshua Juan Judith Julia Julian Juliana
Julie Julien Julio Juliette Jürgen Jurgen Justin Kai Kamil Karen Karin Karl Karla Katarina Katarzyna Kate Katharina Katherine Kathleen Kathryn Katja
Katrin Kay Keith Kenji Kenneth Kerstin Kevin Khalid Kim Kimberly Klaus Kristian Kristina Krzysztof Kurt Lara Lars Laura Lauren Laurent Lea Leah Lena
Leon Leonardo Leonie Leslie Lars Liam Lina Linda Lindsay Lisa Liu Logan Lorenzo Louis Louise Luca Lucas Lucia Luciana Lucy Luigi Luis Luisa Lukas Luke
Magdalena Maja Malik Manuel Manuela Marc Marcel Marcelo Marco Marcus Margaret Margarita Maria María Mariana Marie Marina Mario Marion Marisa Marius
Marta Martha Martin Martina Mary Mateo Mathias Matteo Matthew Matthias Maurice Mauricio Max Maxim Maximilian Megan Mehmet Melanie Melissa Mia Michael
Michaela Michel Michele Michelle Miguel Mikael Mikhail Mila Milan Miriam Mohamed Mohammad Mohammed Monica Monika Morgan Moritz Muhammad Nadia Nadine
Naomi Natalia Natalie Nathan Nathalie Neil Nicholas Nicola Nicolas Nicole Niklas Nikolai Nina Noah Noel Nora Norbert Olaf Oleg Olga Oliver Olivia Omar
Oscar Oskar Otto Pablo Pamela Paola Pascal Patricia Patrick Paul Paula Paulo Pavel Pedro Per Peter Petra Philip Philipp Philippe Pierre Pietro Piotr
Priya Rachel Rafael Rahul Raj Ralph Ramon Randy Raphael Raquel Raul Raymond Rebecca Regina Reinhard Renata Rene René Ricardo Richard Rita Robert Roberta
Roberto Robin Rodrigo Roger Roland Ronald Rosa Rosemary Ruben Rudolf Rui Russell Ruth Ryan Sabine Sabrina Sally Salvatore Samantha Samuel Sandra
Sara Sarah Sascha Scott Sean Sebastian Sergei Sergey Sergio Shannon Sharon Shirley Silvia Simon Simone Sofia Sonia Sophia Sophie Stefan Stefanie
Stefano Stephan Stephanie Stephen Steve Steven Sven Susan Susanne Svetlana Sylvia Tamara Tanja Tatiana Teresa Thomas Thorsten Tim Timothy Tobias Todd
Tom Tomas Tomasz Tommaso Tony Torsten Tyler Ursula Valentina Valentin Valeria Vanessa Vera Veronica Veronika Victor Viktor Vincent Vincenzo Virginia
Vladimir Walter Wei Werner Wilhelm William Wolfgang Xavier Yann Yannick Yasmin Yuki Yuri Yusuf Zachary Zoe Zofia Zoltan
Erzsebet Ilona Jarmila Katerina Lenka Petr Vaclav Zdenek Sigrid Solveig Ingrid Eero Aino Kalle Matti Pekka Jussi
Kaisa Anneli Tuula Riitta Sirpa Aleksi Oskari Elina Hanne Mette Kirsten Søren Soren Nils Gustaf Ebba Linnea Agneta Ulla Torbjorn Jorunn Kari Bjorg Siri
Thiago Matheus Leticia Bruna Camila Larissa Vitor Gabriel Renato Fernanda Juliana Priscila Yusuf Emre Burak Ayse Zeynep Elif Merve Cem Deniz Kemal
Hiroko Takeshi Haruto Sakura Yuto Aiko Akira Minh Thanh Huong Linh Nguyen Ananya Aditya Vikram Sanjay Deepak Pooja Neha Ravi Suresh Lakshmi Anil Sunil
Sam Mike Zach Jeff Josh Jake Kyle Nancy Maggie Tina Jess Jenny Meg Ally Brad Lily Molly Peggy Patty Bob
Chihiro Haruka Takumi Sota Yui Hina Kenta Daiki Ren Riku Yuna Aoi Kaito Minjun Seoyeon Jiwoo Hyun Jisoo Minho Anh Tuan Duc Quang Jing Hui Xin Yu Hao
`;

/**
 * Common surnames written in Latin letters whose source tables (Faker's ja, zh and ko locales) are in
 * native script, so the generated gazetteer lacks them. Short ones that are also English words or
 * place words (Li, Lee, Park, Sun, He, Do, Le, Lin, Ma) are left out: `Central Park` is not a person.
 */
const HAND_SURNAMES = `
Wang Yang Zhao Zhou Xu Guo Gao Luo Zheng Xie Tang Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Jiang Cai Jia Ding Wei Xue Ye Yan
Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura
Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Yamashita Ishikawa Nakajima Maeda Fujita Ogawa Okada Hasegawa Murakami Kondo
Ishii Saito Sakamoto Endo Aoki Fujii Nishimura Fukuda Ota Miura Fujiwara Okamoto Matsuda Nakagawa Fukunaga Nishiyama
Yoon Jang Jeon Kwon Hwang Ahn Shin Seo Hoang Dang Bui Ngo Duong Huynh Kumar Reddy Iyer Nair Menon Chatterjee Banerjee Mukherjee
`;

/**
 * Common surnames that the gazetteer drops because they are also English
 * words or place names (Smith, Brown, King, Hill, Khan, Garcia, Lima): alone
 * they are mostly the word or the place. Read only where the form makes a
 * name of them: the surname of an inverted name before a known given name
 * (`Smith, John`).
 */
export const WORD_SURNAMES: ReadonlySet<string> = new Set(
  `Smith Johnson Williams Brown Jones Miller Wilson Moore Taylor Jackson White Harris Martin Thompson Young Allen King Wright Scott
Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy
Cook Rogers Morgan Cooper Bailey Reed Kelly Howard Ward Watson Brooks Wood James Bennett Gray Grey Hughes Price Sanders Myers Long
Ross Foster Powell Perry Russell Bell Coleman Butler Barnes Fisher Hunter Porter Hunt Black Rice Mason Warren Rose Stone Lane Day
Holmes Fox Grant West Cole Hayes Ford Marshall Hall Lee Walker Lewis Clark Wells Page Gardner Carpenter Shepherd Fletcher Weaver
Church Cross Chapman Bishop Knight Banks Lord Palmer Webb Wade Burke Hart Hudson Freeman Knox Ball Sharp Bond Short Little
Booth Chambers Fields Glover Hammond Harper Holland Lamb May Mills Newman Norman Parsons Pearce Pierce Potter Rich Rowe
Sutton Townsend Walsh Wheeler Wolfe Woods Garcia Morales Medina Santos Silva Lima Costa Khan Cohen Levy Kelly Sullivan`
    .split(/\s+/)
    .filter(Boolean),
);

/** Hand-picked common given names, exact capitalised form. */
export const COMMON_GIVEN_NAMES: ReadonlySet<string> = new Set(GIVEN.split(/\s+/).filter(Boolean));

/** Given names: the hand-picked list plus the generated gazetteer (see gazetteer-data.ts), exact capitalised form. */
export const GIVEN_NAMES: ReadonlySet<string> = new Set([...COMMON_GIVEN_NAMES, ...GAZ_GIVEN.split(/\s+/).filter(Boolean)]);

/** Surnames from the generated gazetteer and the hand list above, exact capitalised form. */
export const SURNAMES: ReadonlySet<string> = new Set([...GAZ_SURNAMES.split(/\s+/), ...HAND_SURNAMES.split(/\s+/)].filter(Boolean));

/**
 * The given names above that are also English words in lower case (`frank`, `john`, `will`...; the hand
 * list's names found in an-array-of-english-words 2.0.0, the list the gazetteer build removes): a
 * lower-case rule that reads a single given name skips them.
 */
export const GIVEN_WORDS_LOWER: ReadonlySet<string> = new Set(
  `
abigail aida alan albert alexander alfredo alison alma amelia amir ana ann anna axel barry ben benjamin beth betty carina carl carmen carol charlotte
christian colin dan danny diane dieter donna doris emma eric franco frank gilbert gloria graham hamza harry heather hector henry isabel isabella jack
james jane jean jesus joanna joe johannes john joseph kai kay lars laura lea logan louis luke malik marc marcel margarita maria marina martin mary max
maxim michael morgan noah noel oliver oscar otto pascal patrick paul pedro per peter raj ralph randy regina robin roger rosemary ruth sabine sally
sean sharon steven sylvia tamara timothy tom tony tyler vanessa vera veronica victor virginia william nils siri pooja anil sam mike jeff josh jake
kyle nancy maggie tina jess jenny meg ally brad lily molly peggy patty bob
`.split(/\s+/).filter(Boolean),
);

/** Lower-case given names / surnames (for all-lower-case text such as chat messages). */
export const GIVEN_LOWER: ReadonlySet<string> = new Set([...GIVEN_NAMES].map((n) => n.toLowerCase()));
export const SURNAMES_LOWER: ReadonlySet<string> = new Set([...SURNAMES].map((n) => n.toLowerCase()));

/**
 * Capitalised words that start sentences or name things other than people;
 * never treated as a surname after a given name.
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  `The A An And Or But If In On At To From For With By Of As Is Are Was Were Be Been Has Have Had Do Does Did This That These Those It Its
  He She They We You I My Your His Her Their Our Me Him Them Us Who What When Where Why How Which Please Thanks Thank Hello Hi Dear Yes No Not
  Street St Avenue Road Lane Drive Court Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Inc Ltd LLC Corp Company University College School Hospital Bank Group Street Apt Suite`.split(/\s+/),
);
