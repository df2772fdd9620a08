/**
 * Word lists and sentence fragments the demo catalog composes its names, taglines and synopses
 * from. Everything is invented; combinations are checked against a short list of real titles.
 */

/** Lines of a block of text, trimmed, blank lines dropped. */
const L = (s: string): string[] =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export interface FamilyText {
  adjectives: string[];
  nouns: string[];
  /** Title patterns: {A} adjective, {N}/{M} nouns, {P} place, {F} first name, {S} surname. */
  patterns: string[];
  taglines: string[];
  /** "On the outer rim of the Calder Belt," — a sentence opening. */
  setups: string[];
  /** "a salvage pilot with nothing left to lose" — follows the hero's name. */
  heroes: string[];
  /** "intercepts a signal that should not exist" */
  incidents: string[];
  /** "must decode it" — after the pronoun. */
  goals: string[];
  /** "before the colony's air runs out" */
  stakes: string[];
  /** A closing sentence about the story or its tone. */
  closers: string[];
  episodeNames: string[];
  tags: string[];
  moods: string[];
}

export const PLACES = L(`
  Port Calder
  Halvard
  Mirrowmere
  Saltreach
  Kestrel Ridge
  Ondara
  Velmora
  Ashfall
  Low Hollow
  Greywater
  Brindle Point
  Carrow
  Elsinmoor
  Tamsin Reach
  Oldharbor
  Marrowick
  San Aurelio
  Vallecruz
  Nordhavn
  Lumen City
  Redwater
  Sable Creek
  Thornbury
  Wexmoor
  Esperanza Flats
  Isla Perdida
  Coldspring
  Hollis Ferry
  Cape Soren
  Amberly
  Santa Inés
  Duskwater
  Kilnsey
  Orrin Vale
  Blackmere
`);

export const SPACE_PLACES = L(`
  the Calder Belt
  Tycho Deep
  Meridian Seven
  the Vela Drift
  Hadley Station
  Orison
  the Outer Reach
  Caelum Prime
  Nadir
  the Lacuna Expanse
`);

/** Real titles that a combination must not reproduce (lower case). */
export const BLOCKLIST = new Set(
  L(`
  the last kingdom
  dark waters
  the lost city
  silent hill
  black mirror
  the dark knight
  twin peaks
  the crown
  the night manager
  the witcher
  the expanse
  the outsider
  the last of us
  the great escape
  the long night
  the deep
  stranger things
  the killing
  the bridge
  the fall
  broadchurch
  the wire
  the terror
  the village
  the others
  the ring
  the host
  the road
  the hunt
  the chase
  the border
  the signal
  the guest
  the invitation
  the lighthouse
  the witch
  the shining
  the orphanage
  the descent
  the departed
  the promise
  the tourist
  the stranger
  the bear
  the office
  the americans
  the leftovers
  the boys
  the 100
  the walking dead
  sunset boulevard
  red dawn
  dark city
  cold mountain
  the last ship
  the last duel
  the first
  the good wife
  the north water
  blue planet
  deep water
  big fish
  the storm
  the tower
  the island
  the mist
  the fog
  the crow
  the saint
  the thaw
  the rain
  the wall
  the mole
  lost
  heat
  drive
  fargo
`),
);

const GENERIC_EPISODES = L(`
  Pilot
  Low Tide
  Paper Boats
  The Quiet Part
  Signal and Noise
  Homecoming
  What the River Knows
  A Door Left Open
  Small Hours
  Ghosts
  The Long Way Round
  Salt
  Undertow
  Fault Lines
  The Visitor
  Glass Houses
  Borrowed Time
  Two Truths
  The Weight of Water
  Old Friends
  Crossing Over
  The Inventory
  Slow Burn
  Blind Spot
  Northbound
  Dead Reckoning
  The Understudy
  Aftershock
  The Last Good Day
  Open Water
  Rust
  Tell Me Everything
  First Light
  The Fall Line
  Inheritance
  Lamplight
  Strangers on a Bridge
  Forty Days
  Echo
  The Reckoning
  Second Skin
  Ceasefire
  The Other Side
  Winter Hours
  Static
  A Quiet Man
  Landfall
  Ember
  The Hollow
  Everything After
`);

const T = (t: Omit<FamilyText, 'episodeNames'> & { episodeNames?: string[] }): FamilyText => ({
  ...t,
  episodeNames: [...(t.episodeNames ?? []), ...GENERIC_EPISODES],
});

const sciFi = T({
  adjectives: L(`Silent
    Distant
    Hollow
    Infinite
    Cold
    Binary
    Crimson
    Last
    Broken
    Pale
    Quantum
    Dark
    Outer
    Burning
    Drifting`),
  nouns: L(`Orbit
    Signal
    Meridian
    Horizon
    Vector
    Nova
    Drift
    Colony
    Relay
    Eclipse
    Frontier
    Station
    Parallax
    Singularity
    Array
    Tether
    Wake
    Helios
    Quasar
    Lattice
    Threshold
    Cascade
    Aphelion
    Zenith`),
  patterns: L(`The {A} {N}
    {N}
    {A} {N}
    {N} Protocol
    Beyond {SP}
    The {N} Directive
    {SP}
    Children of the {N}
    {N} Rising
    Project {N}
    Echoes of {SP}
    The {N} Paradox`),
  taglines: L(`Space is silent. They are not.
    The future remembers everything.
    One signal. Ten billion lives.
    There is no map for where they are going.
    The last light in the dark is moving.
    Humanity's next step may be its last.
    Time is not a line. It is a trap.
    They built a world. It built them back.`),
  setups: L(`On the outer rim of {SP},
    Three centuries after the great exodus,
    In a megacity drowned in neon and rain,
    Aboard a generation ship running out of time,
    When the sun begins to dim without warning,
    In the last research station on {SP},`),
  heroes: L(`a salvage pilot with nothing left to lose
    a disgraced systems engineer
    a quiet linguist who hears patterns in static
    a cadet on {their} first deep-space posting
    an android who has started to dream
    a smuggler with a price on {their} head`),
  incidents: L(`intercepts a signal that should not exist
    wakes from cryosleep decades too early
    discovers that {their} memories have been rewritten
    finds a derelict ship that is broadcasting {their} name
    witnesses a murder that happens twice`),
  goals: L(`must decode the message
    races to reach the source
    has to convince a sceptical crew
    must choose between the mission and the people aboard
    sets out to find the truth`),
  stakes: L(`before the colony's air runs out
    before the corporation erases the evidence
    before the fleet arrives
    before the loop closes for good
    while the station tears itself apart`),
  closers: L(`A taut, cerebral ride through the dark between stars.
    Big ideas, breathtaking scale and a very human heart.
    What begins as a rescue becomes a question about what makes us human.
    A sleek, slow-burning vision of a future that feels uncomfortably close.`),
  episodeNames: L(`Cold Start
    Event Horizon
    Dead Air
    The Long Orbit
    Redshift
    Burn Window
    Terminator Line
    Ghost Frequency
    Perihelion`),
  tags: L(`Space
    Artificial Intelligence
    Dystopia
    Time Loop
    Future
    Robots
    Survival
    Ensemble Cast`),
  moods: L(`Mind-Bending
    Suspenseful
    Thought-Provoking
    Dark
    Exciting`),
});

const crime = T({
  adjectives: L(`Dirty
    Blind
    Silent
    Cold
    Crooked
    Red
    Burnt
    Quiet
    Sinister
    Broken
    Hard
    Brutal`),
  nouns: L(`Ledger
    Alibi
    Harbor
    Badge
    Precinct
    Ashes
    Debt
    Witness
    Confession
    Verdict
    Motive
    Cartel
    Kingpin
    Informant
    Ransom
    Syndicate
    Racket
    Standoff
    Wiretap
    Jury`),
  patterns: L(`The {A} {N}
    {N}
    {P}
    {N} in {P}
    The {P} {N}
    {A} {N}
    Blood and {N}
    The {N} Files
    {S}
    The {S} Affair
    {P} Homicide
    {N} Street`),
  taglines: L(`Everyone in this town owes somebody.
    The truth has a body count.
    Some debts are paid in blood.
    Every city has a price.
    Trust no one. Especially family.
    The law ends where the harbour begins.
    One case. Twelve suspects. No witnesses.`),
  setups: L(`In the port city of {P},
    Twenty years after a case that broke {their} career,
    In a town where everyone owes the same family,
    Along the docks of {P},
    When a routine traffic stop turns up a body,`),
  heroes: L(`a detective on {their} last week before retirement
    a young prosecutor with something to prove
    a getaway driver who wants out
    an accountant who knows too much
    a rookie officer assigned to the night shift
    an investigative reporter who never lets go`),
  incidents: L(`finds a name in a dead man's ledger
    is framed for a murder {they} did not commit
    stumbles onto a payroll for half the police department
    is pulled back in for one final job
    reopens a case everyone wanted buried`),
  goals: L(`must follow the money
    has to decide who to trust
    must build a case from nothing
    plays both sides to stay alive
    goes undercover`),
  stakes: L(`before the trail goes cold
    before the family closes ranks
    before the next body turns up
    before the election
    with the whole city watching`),
  closers: L(`A slow-burning, morally tangled portrait of a city on the take.
    Gritty, twisting and impossible to switch off.
    Tense interrogations, sharp dialogue and a final act you will not see coming.
    A crime saga about loyalty, corruption and what we owe our families.`),
  episodeNames: L(`Chain of Custody
    Probable Cause
    Blue Hour
    The Drop
    Dead Letters
    Plea
    The Wire Room
    Night Court`),
  tags: L(`Detective
    Corruption
    Organised Crime
    Small Town
    Revenge
    Based on a Novel`),
  moods: L(`Gritty
    Suspenseful
    Dark
    Tense`),
});

const thriller = T({
  adjectives: L(`Blind
    Hidden
    Silent
    Fatal
    Final
    Perfect
    Sleeping
    Dead
    False
    Zero`),
  nouns: L(`Protocol
    Asset
    Cipher
    Witness
    Mirror
    Trace
    Breach
    Leak
    Source
    Countdown
    Decoy
    Alibi
    Threshold
    Blackout
    Verdict
    Fracture
    Override
    Shadow`),
  patterns: L(`The {A} {N}
    {N}
    {A} {N}
    The {N}
    {N} {X}
    The {S} Protocol
    {N} at {P}
    Eyes on {P}`),
  taglines: L(`The closer you look, the less you see.
    Nobody leaves until the truth does.
    Every lie has a witness.
    The most dangerous secret is the one you keep from yourself.
    Forty-eight hours. One phone call. No way back.
    Someone is always listening.`),
  setups: L(`On the eve of a national election,
    In a glass tower in the heart of {P},
    Two days after a blackout paralyses the capital,
    At a remote lake house cut off by snow,`),
  heroes: L(`a security analyst who sees everything
    a speechwriter with a guilty conscience
    a therapist whose patient knows too much
    a grieving widower (m)
    a journalist with a single anonymous source`),
  incidents: L(`receives a file that was never supposed to exist
    wakes up with no memory of the night before
    is accused of a leak {they} did not make
    notices the same stranger in every photograph`),
  goals: L(`must uncover the conspiracy
    has to stay one step ahead
    must prove {their} innocence
    begins to question everything`),
  stakes: L(`before {their} name is next on the list
    before the vote
    before the story is buried for good
    before the clock runs out`),
  closers: L(`A paranoid, pulse-quickening thriller with a twist in every act.
    Sleek, claustrophobic and relentlessly tense.
    A chilling study of power and the people who keep its secrets.`),
  episodeNames: L(`Zero Hour
    The Handler
    Exit Strategy
    Redacted
    Burn Notice
    The Mole Hunt
    Deadline`),
  tags: L(`Conspiracy
    Twist Ending
    Cat and Mouse
    Unreliable Narrator
    Hackers`),
  moods: L(`Suspenseful
    Tense
    Mind-Bending
    Dark`),
});

const horror = T({
  adjectives: L(`Hollow
    Quiet
    Pale
    Crooked
    Rotten
    Wicked
    Sleepless
    Black
    Howling
    Nameless`),
  nouns: L(`Whisper
    Lullaby
    Cellar
    Veil
    Hunger
    Marrow
    Harvest
    Threshold
    Attic
    Pilgrim
    Offering
    Nursery
    Wake
    Hallows
    Tenant
    Chapel
    Effigy
    Bellwether`),
  patterns: L(`The {A} {N}
    {N}
    They Live in the {N}
    Do Not Open the {N}
    The {N} of {P}
    {P}
    What the {N} Wants
    The {N} House
    {A} Hours
    The {S} Haunting`),
  taglines: L(`Some doors should stay closed.
    It knows your name.
    Don't look behind you. It's already in front.
    Every house remembers.
    The harvest is coming.
    Sleep is no longer safe.
    You were never alone.`),
  setups: L(`In a village that hasn't changed in four hundred years,
    After inheriting a crumbling house in {P},
    On the longest night of the year,
    In the woods outside {P},`),
  heroes: L(`a single mother and her two children (f)
    a sceptical paranormal investigator
    a nurse on the night shift
    a teenager who can't stop sleepwalking
    a folklorist chasing an old song`),
  incidents: L(`hears a lullaby coming from the walls
    finds a door that wasn't there yesterday
    discovers the village's harvest festival demands a price
    is visited by a stranger who knows {their} secrets`),
  goals: L(`must uncover what happened there
    has to break the curse
    tries to get {their} family out
    must survive until dawn`),
  stakes: L(`before the next full moon
    before it finds a way inside
    before the ritual is complete
    before it takes someone else`),
  closers: L(`A slow, suffocating descent into dread.
    Terrifying, atmospheric and unexpectedly moving.
    Watch it with the lights on.`),
  episodeNames: L(`Knock Twice
    The Nursery
    Candlemas
    Salt Lines
    Sleepwalker
    The Thirteenth Guest`),
  tags: L(`Haunted House
    Possession
    Cult
    Monster
    Isolation
    Folklore`),
  moods: L(`Scary
    Dark
    Atmospheric
    Suspenseful`),
});

const drama = T({
  adjectives: L(`Quiet
    Long
    Borrowed
    Golden
    Small
    Last
    Little
    Ordinary
    Gentle
    Tender
    Bright
    Fragile`),
  nouns: L(`Summer
    Season
    Harvest
    Inheritance
    Tide
    Garden
    Orchard
    Winter
    River
    Homestead
    Kitchen
    Years
    Silence
    Mercy
    Lantern
    Sunday
    Paper
    Ferry
    Shoreline`),
  patterns: L(`The {A} {N}
    {N}
    {A} {N}
    {N} in {P}
    A {N} in {P}
    {F}
    The {S} Family
    {P}
    What We Keep
    All the {A} Days
    Letters from {P}
    The {N} Between Us
    After the {N}`),
  taglines: L(`Some goodbyes take a lifetime.
    Every family has its seasons.
    Home is the hardest place to return to.
    The smallest choices change everything.
    You can't outrun where you come from.
    A story about what stays.`),
  setups: L(`In a fading seaside town,
    Over one long summer in {P},
    After twenty years away,
    In the weeks before the family farm is sold,
    On a night shift that changes everything,`),
  heroes: L(`a retired schoolteacher
    an estranged daughter
    a young surgeon in {their} first year
    a widowed fisherman (m)
    a piano prodigy who has stopped playing
    a public defender on {their} biggest case`),
  incidents: L(`returns home for {their} father's funeral
    finds a box of letters that rewrites {their} family's history
    takes in a teenage runaway
    is given one last chance to make things right`),
  goals: L(`must face the past
    has to decide what {they} can forgive
    learns to start again
    must hold {their} family together`),
  stakes: L(`before it's too late to say what matters
    as the town around {them} disappears
    while keeping a secret of {their} own`),
  closers: L(`A tender, beautifully acted portrait of ordinary lives.
    Quietly devastating and full of grace.
    An intimate drama about grief, love and the ties that bind.`),
  episodeNames: L(`The Reading of the Will
    Visiting Hours
    Sunday Lunch
    The Last Ferry
    Night Shift
    What She Said`),
  tags: L(`Family
    Grief
    Small Town
    Based on a True Story
    Award Winner
    Slow Burn`),
  moods: L(`Emotional
    Heartfelt
    Thought-Provoking
    Bittersweet`),
});

const comedy = T({
  adjectives: L(`Terrible
    Accidental
    Perfect
    Totally Normal
    Almost
    Extremely
    Lucky
    Wild
    Big
    Unlikely
    Happy`),
  nouns: L(`Wedding
    Weekend
    Neighbours
    Roommates
    Dinner Party
    Reunion
    Road Trip
    Honeymoon
    Office Party
    Vacation
    Landlord
    Interns
    Houseguest
    Bake-Off
    Heist
    Best Man`),
  patterns: L(`The {A} {N}
    {A} {N}
    My {A} {N}
    {F} and {F2}
    The {N}
    {N} from Hell
    Meet the {S}s
    Welcome to {P}
    {F} Saves the Day
    The {S} Situation`),
  taglines: L(`What could possibly go wrong?
    It's all fun and games until someone invites the ex.
    Same family. New disaster.
    They had one job.
    Love is patient. They are not.
    Based on a true story. Sort of.`),
  setups: L(`Three days before the wedding,
    In a sleepy suburb of {P},
    When a distant aunt leaves them a crumbling hotel,
    After a viral video ruins {their} career,`),
  heroes: L(`a perfectionist event planner
    a washed-up children's entertainer
    a chronically honest accountant
    a best man with a terrible secret (m)
    a chef who has lost {their} sense of taste`),
  incidents: L(`accidentally books two weddings on the same day
    pretends to be engaged to {their} neighbour
    is mistaken for a famous novelist
    inherits a very unusual family business`),
  goals: L(`must keep up the lie
    has to win everyone over
    tries to save the day
    must fix everything`),
  stakes: L(`before the in-laws arrive
    before the whole town finds out
    by Sunday night`),
  closers: L(`A warm, fast and very funny ensemble comedy.
    Silly, sharp and full of heart.
    Laugh-out-loud chaos with a surprisingly sweet centre.`),
  episodeNames: L(`The One With the Goat
    Seating Plan
    Secret Santa
    Plus One
    Karaoke Night
    The Open House
    Parents' Evening`),
  tags: L(`Ensemble Cast
    Workplace
    Family
    Road Trip
    Friendship`),
  moods: L(`Feel-Good
    Witty
    Quirky
    Lighthearted`),
});

const romance = T({
  adjectives: L(`Endless
    Secret
    Borrowed
    Lost
    Last
    Second
    Sweet
    Late
    Golden
    Sudden`),
  nouns: L(`Summer
    Letters
    Postcard
    Tide
    Orchard
    Serenade
    Promise
    Harbour
    Rain
    Sunset
    Waltz
    Vineyard
    Season
    Letter
    Lantern`),
  patterns: L(`The {A} {N}
    {A} {N}
    {N}s from {P}
    A {N} in {P}
    {F} and {F2}
    Love in {P}
    The {N} Between Us
    Everything for {F}`),
  taglines: L(`Some loves arrive right on time. This one didn't.
    One summer. One promise. A lifetime.
    Love is the one thing you can't plan.
    They met at the wrong time. Twice.
    Every letter was a second chance.`),
  setups: L(`On a small island off the coast of {P},
    Ten years after a summer they never talk about,
    In the vineyards outside {P},
    During a snowbound week in a mountain inn,`),
  heroes: L(`a restless architect
    a bookshop owner who has given up on love
    a touring cellist
    a ferry captain
    a florist with a famous ex`),
  incidents: L(`meets the one person {they} swore never to see again
    finds a stranger's love letter in a second-hand book
    agrees to a fake relationship for one weekend`),
  goals: L(`must decide whether to stay
    has to choose between ambition and love
    learns to open {their} heart again`),
  stakes: L(`before the summer ends
    before the last ferry leaves
    before the wedding`),
  closers: L(`A swoon-worthy, sun-drenched romance.
    Tender, funny and achingly romantic.
    A love story for anyone who has ever wondered what if.`),
  episodeNames: L(`First Dance
    The Proposal
    Slow Dance
    Missed Connections
    Postmarked`),
  tags: L(`Love Triangle
    Second Chance
    Enemies to Lovers
    Wedding
    Based on a Novel`),
  moods: L(`Romantic
    Feel-Good
    Heartfelt
    Bittersweet`),
});

const family = T({
  adjectives: L(`Little
    Brave
    Magic
    Tiny
    Wonderful
    Great Big
    Secret
    Sparkly
    Amazing
    Lucky
    Clever`),
  nouns: L(`Lantern
    Kite
    Pebble
    Meadow
    Dragon
    Treehouse
    Puddle
    Acorn
    Balloon
    Lighthouse
    Snowflake
    Robot
    Otter
    Hedgehog
    Penguin
    Carousel
    Comet
    Teapot`),
  patterns: L(`The {A} {N}
    {F} and the {A} {N}
    {A} {N}
    The {N} Club
    {F}'s {A} {N}
    Adventures in {P}
    The {N} Who Could
    Captain {N}
    {N} Patrol
    Where the {N}s Go`),
  taglines: L(`Every adventure starts with a single step.
    Big hearts come in small packages.
    Friendship is the greatest magic of all.
    Some heroes have whiskers.
    The best way home is the long way.`),
  setups: L(`In a village at the edge of an enchanted forest,
    One snowy winter in {P},
    High in a treehouse at the bottom of the garden,
    On the first day of summer holidays,`),
  heroes: L(`a curious young inventor
    a shy hedgehog
    a girl who can talk to the wind (f)
    a lost puppy
    a grandmother with a secret map (f)`),
  incidents: L(`finds a baby dragon in the garden shed
    discovers a door to a world made of paper
    befriends a lonely robot
    loses the town's most precious lantern`),
  goals: L(`sets off on a grand adventure
    must find the way home
    teams up with unlikely friends`),
  stakes: L(`before the festival begins
    before winter comes
    in time for the big parade`),
  closers: L(`A bright, funny and gentle adventure for the whole family.
    Full of warmth, wonder and catchy songs.
    A heartwarming tale about courage and friendship.`),
  episodeNames: L(`The Big Race
    Rainy Day
    Lost and Found
    The Treasure Map
    Sleepover
    The Snow Day
    Birthday Surprise
    The Moon Picnic`),
  tags: L(`Friendship
    Animals
    Talking Animals
    Magic
    For Young Kids`),
  moods: L(`Feel-Good
    Heartwarming
    Lighthearted
    Inspiring`),
});

const fantasy = T({
  adjectives: L(`Iron
    Shattered
    Hidden
    Ashen
    Gilded
    Forgotten
    Sunken
    Eternal
    Wild
    Thorned
    Silver`),
  nouns: L(`Crown
    Ember
    Throne
    Rune
    Oath
    Wyrm
    Citadel
    Grimoire
    Realm
    Sword
    Spire
    Covenant
    Wildwood
    Sigil
    Sorceress
    Heir
    Tide`),
  patterns: L(`The {A} {N}
    {N} of {P}
    The {N} and the {M}
    {A} {N}
    Chronicles of {P}
    The {N}'s Daughter
    {P}: The {A} {N}
    Heir of {P}
    Song of the {N}`),
  taglines: L(`Every crown has a cost.
    The old magic is waking.
    A prophecy is only a promise waiting to break.
    Kingdoms fall. Legends don't.
    Magic was never gone. It was waiting.`),
  setups: L(`In the fractured kingdom of {P},
    A thousand years after the last dragon fell,
    Beneath the streets of modern {P},
    When the old gods return to the northern isles,`),
  heroes: L(`a stable hand with a forbidden gift
    an exiled princess (f)
    a cartographer who draws places that do not exist
    a thief who steals the wrong relic
    a witch who has lost her magic (f)`),
  incidents: L(`learns the truth about {their} royal blood
    awakens an ancient power
    is bound by an oath to a stranger
    finds a map that redraws itself`),
  goals: L(`must unite the realm
    sets out to reclaim the crown
    must master {their} power`),
  stakes: L(`before the darkness spreads
    before the eclipse
    before the old war begins again`),
  closers: L(`A sweeping fantasy epic of betrayal and wonder.
    Lush, mythic and full of spectacle.
    Magic, monsters and a hero worth following.`),
  episodeNames: L(`The Crowning
    Ember and Ash
    The Ferryman
    Old Gods
    The Sealed Door
    Wolf Moon`),
  tags: L(`Magic
    Dragons
    Prophecy
    Royalty
    Quest
    Based on a Novel`),
  moods: L(`Epic
    Exciting
    Enchanting
    Dark`),
});

const action = T({
  adjectives: L(`Maximum
    Hard
    Final
    Total
    Dead
    Iron
    Burning
    Savage
    Rapid
    Red`),
  nouns: L(`Impact
    Velocity
    Strike
    Payback
    Fury
    Extraction
    Blackout
    Overdrive
    Vendetta
    Siege
    Takedown
    Ricochet
    Crossfire
    Redline
    Gauntlet
    Ironclad`),
  patterns: L(`{N}
    {A} {N}
    The {N}
    {N} Point
    Operation {N}
    {N} {X}
    Code Name: {N}
    {P} Run
    Last Stand at {P}`),
  taglines: L(`No rules. No backup. No way out.
    They took everything. Now it's personal.
    The only way out is through.
    Twelve floors. One way down.
    Faster. Harder. Last.`),
  setups: L(`In a city under lockdown,
    Deep behind enemy lines,
    On a runaway freight train crossing the desert,
    When a routine escort mission goes wrong,`),
  heroes: L(`a former special-forces medic
    a stunt driver with a criminal past
    a retired martial-arts champion
    a bodyguard with one last client
    a thief who never misses`),
  incidents: L(`is double-crossed by {their} own team
    witnesses an assassination
    is forced into one impossible job
    has {their} daughter taken`),
  goals: L(`must fight {their} way out
    has to outrun everyone
    goes after those responsible`),
  stakes: L(`before sunrise
    before the city burns
    with the clock ticking`),
  closers: L(`A relentless, bone-crunching ride.
    Non-stop action with stunning practical stunts.
    Explosive set pieces and a hero you can root for.`),
  episodeNames: L(`Extraction
    Hot Zone
    Killswitch
    The Convoy
    Safehouse`),
  tags: L(`Revenge
    Martial Arts
    Car Chase
    Heist
    One-Man Army`),
  moods: L(`Exciting
    Adrenaline-Fuelled
    Gritty`),
});

const adventure = T({
  adjectives: L(`Lost
    Wild
    Hidden
    Great
    Golden
    Far
    Uncharted
    Frozen
    Sunken
    Endless`),
  nouns: L(`Expedition
    Compass
    Voyage
    Summit
    Jungle
    Atlas
    Passage
    Island
    Trail
    Glacier
    Canyon
    Treasure
    Crossing
    Meridian
    Horizon`),
  patterns: L(`The {A} {N}
    {N} to {P}
    {A} {N}
    The {N} of {P}
    Journey to {P}
    Beyond {P}
    {F} and the {A} {N}`),
  taglines: L(`The world is bigger than the map.
    Adventure is out there. So is trouble.
    Some journeys change the traveller.
    Every legend starts somewhere.`),
  setups: L(`In the uncharted highlands beyond {P},
    On a storm-battered voyage to the edge of the map,
    After a plane goes down over the Andes,`),
  heroes: L(`a reluctant treasure hunter
    a young cartographer
    a grizzled bush pilot
    a botanist searching for {their} missing mentor`),
  incidents: L(`uncovers a map to a legendary city
    is stranded with a group of strangers
    follows a trail of clues across three continents`),
  goals: L(`must lead them home
    races rival hunters to the prize
    must survive the wilderness`),
  stakes: L(`before the rainy season
    before the supplies run out
    before the rivals get there first`),
  closers: L(`A rollicking, old-fashioned adventure.
    Breathtaking landscapes and heart-pounding peril.`),
  tags: L(`Treasure Hunt
    Survival
    Journey
    Exotic Locations`),
  moods: L(`Exciting
    Inspiring
    Feel-Good`),
});

const documentary = T({
  adjectives: L(`Wild
    Hidden
    Secret
    Living
    Frozen
    Deep
    Last
    Untold
    Vanishing
    Great`),
  nouns: L(`Planet
    Kingdom
    Oceans
    Rivers
    Seasons
    Forests
    Kitchen
    Tables
    Coastlines
    Migrations
    Islands
    Markets
    Mountains
    Deserts`),
  patterns: L(`The {A} {N}
    {A} {N}
    The Secret Life of {N}
    Inside {P}
    The Case of {F} {S}
    {N}: A Year on Earth
    Kitchens of {P}
    The {S} Tapes
    Who Killed {F} {S}?`),
  taglines: L(`The true story, in their own words.
    The world as you've never seen it.
    Every clue. Every witness. Every question.
    Filmed over five years. Told in one night.`),
  setups: L(`Filmed over three years across six continents,
    Drawing on never-before-seen archive footage,
    Travelling from night markets to mountain kitchens,
    Thirty years after a disappearance that shocked {P},`),
  heroes: L(`a team of wildlife filmmakers
    a celebrated chef
    a retired investigator
    a marine biologist`),
  incidents: L(`follows the animals that survive at the planet's extremes
    revisits a case that was never solved
    explores the food traditions of a changing world`),
  goals: L(`sets out to tell the full story
    searches for answers`),
  stakes: L(`while there is still time
    as the evidence fades`),
  closers: L(`A stunning, eye-opening documentary.
    Gripping, humane and impossible to forget.
    Narrated with warmth and wonder.`),
  episodeNames: L(`Islands
    Ice
    Jungles
    Grasslands
    The Deep
    The Night Shift
    The Interview
    New Evidence
    Street Food
    Harvest`),
  tags: L(`Inspired by True Events
    Nature
    Investigation
    Food
    Travel
    Archive Footage`),
  moods: L(`Thought-Provoking
    Inspiring
    Informative
    Fascinating`),
});

const music = T({
  adjectives: L(`Loud
    Electric
    Midnight
    Golden
    Blue
    Neon
    Velvet
    Broken
    Wild`),
  nouns: L(`Encore
    Chorus
    Rhythm
    Stage
    Record
    Ballad
    Anthem
    Tempo
    Harmony
    Amplifier
    Jukebox
    Bassline`),
  patterns: L(`{A} {N}
    The {A} {N}
    {N}
    {F} Sings the {N}
    The {S} Sessions
    Live from {P}
    {N} in {P}`),
  taglines: L(`Turn it up.
    Every song tells a story.
    They were one song away from everything.
    The music never stopped.`),
  setups: L(`In the underground clubs of {P},
    On the eve of their first world tour,
    In a small town where music is forbidden,`),
  heroes: L(`a singer with stage fright
    a jazz pianist down on {their} luck
    a teenage songwriter
    a session drummer`),
  incidents: L(`gets one shot at the big stage
    reunites a band that hasn't spoken in twenty years
    finds a lost recording that changes everything`),
  goals: L(`must find {their} voice
    has to bring the band back together`),
  stakes: L(`before the final show
    before the festival`),
  closers: L(`A soaring, toe-tapping celebration of music.
    Electric performances and a soundtrack to treasure.`),
  tags: L(`Musician
    Band
    Concert
    Soundtrack`),
  moods: L(`Inspiring
    Feel-Good
    Emotional
    Uplifting`),
});

const sports = T({
  adjectives: L(`Final
    Golden
    Long
    Perfect
    Underdog
    Home
    Second`),
  nouns: L(`Season
    Round
    Match
    Stretch
    Knockout
    Sprint
    Comeback
    Finish Line
    Pitch
    Ring
    Relay
    Derby`),
  patterns: L(`The {A} {N}
    {A} {N}
    {P} United
    The {N}
    {F} {S}: The {N}
    Full Time`),
  taglines: L(`Nobody remembers second place.
    Heart wins championships.
    The comeback starts now.
    One season to prove them all wrong.`),
  setups: L(`In a working-class town obsessed with its football team,
    One season before the championship,
    After a career-ending injury,`),
  heroes: L(`a washed-up coach
    a teenage boxer
    a reserve goalkeeper
    a marathon runner in {their} forties`),
  incidents: L(`gets one last chance to prove {themself}
    takes over the worst team in the league
    enters a race nobody thinks {they} can finish`),
  goals: L(`must rally the team
    trains harder than ever`),
  stakes: L(`before the final whistle
    before the season ends`),
  closers: L(`A rousing, crowd-pleasing underdog story.
    Sweat, tears and a final match to remember.`),
  tags: L(`Underdog
    Team
    Coach
    Based on a True Story`),
  moods: L(`Inspiring
    Feel-Good
    Exciting`),
});

const war = T({
  adjectives: L(`Last
    Iron
    Bitter
    Silent
    Long
    Grey
    Scarlet
    Frozen
    Burning`),
  nouns: L(`Front
    Winter
    Ridge
    Battalion
    Trench
    Crossing
    Armistice
    Convoy
    Garrison
    Beachhead
    Siege
    Dispatch`),
  patterns: L(`The {A} {N}
    {N} at {P}
    The Road to {P}
    {A} {N}
    Letters from the {N}
    The Siege of {P}
    {N}`),
  taglines: L(`No one comes home the same.
    History remembers the victors. This is about everyone else.
    Courage was all they had left.`),
  setups: L(`In the final winter of the war,
    Behind the lines in occupied {P},
    On the eve of a doomed offensive,`),
  heroes: L(`a young radio operator
    a field nurse
    a conscientious objector
    a weary captain`),
  incidents: L(`is ordered to hold a bridge at all costs
    must deliver a message across enemy territory
    shelters a family of refugees`),
  goals: L(`must lead {their} unit home
    has to choose between orders and conscience`),
  stakes: L(`before the offensive begins
    as the front collapses`),
  closers: L(`A harrowing and humane war epic.
    Immersive, devastating and unforgettable.`),
  tags: L(`World War
    Soldiers
    Based on a True Story
    Period Piece`),
  moods: L(`Intense
    Emotional
    Dark`),
});

const western = T({
  adjectives: L(`Dust
    Dead
    High
    Long
    Lonesome
    Red
    Wild
    Iron
    Bitter`),
  nouns: L(`Mesa
    Rider
    Creek
    Outlaw
    Frontier
    Canyon
    Territory
    Saddle
    Gulch
    Homestead
    Bounty
    Ranch`),
  patterns: L(`{A} {N}
    The {A} {N}
    {P}
    The Ballad of {F} {S}
    Showdown at {P}
    {N} Country
    Riders of {P}`),
  taglines: L(`Out here, the law is whoever's still standing.
    Every bullet has a name.
    The frontier doesn't forgive.`),
  setups: L(`In the lawless territory west of {P},
    After the railroad bypasses their town,
    On a cattle drive through the badlands,`),
  heroes: L(`a bounty hunter with a conscience
    a widowed rancher
    a reformed outlaw
    a travelling preacher`),
  incidents: L(`is hired to bring in a man {they} once rode with
    refuses to sell {their} land to the railroad baron
    finds a wanted poster with {their} own face on it`),
  goals: L(`must stand {their} ground
    rides out to settle the score`),
  stakes: L(`before the hanging
    before the snow comes`),
  closers: L(`A sun-scorched western of revenge and redemption.
    Wide skies, hard men and a final showdown.`),
  tags: L(`Frontier
    Revenge
    Gunslinger
    Period Piece`),
  moods: L(`Gritty
    Exciting
    Dark`),
});

const mystery = T({
  adjectives: L(`Curious
    Missing
    Crooked
    Silent
    Secret
    Vanishing
    Last
    Strange`),
  nouns: L(`Key
    Manor
    Clue
    Portrait
    Locket
    Lighthouse
    Inheritance
    Cipher
    Guest
    Riddle
    Mirror
    Tearoom
    Bookshop`),
  patterns: L(`The {A} {N}
    Murder at {P}
    The {N} of {P}
    The {S} Mysteries
    Death in {P}
    {F} {S} Investigates
    The {A} Case of the {N}`),
  taglines: L(`Everyone has a motive.
    The answer was in the room all along.
    Nothing in {P} is what it seems.`),
  setups: L(`In the sleepy village of {P},
    On a stormy weekend at a remote manor,
    Aboard a night train across Europe,`),
  heroes: L(`a retired librarian with a sharp eye
    a private detective down to {their} last client
    a baker with a talent for noticing things
    a crossword setter`),
  incidents: L(`finds a body in the locked library
    receives a riddle from a dead woman
    is the only witness to a vanishing`),
  goals: L(`must solve the case
    sets out to unmask the killer`),
  stakes: L(`before the storm clears
    before the killer strikes again`),
  closers: L(`A twisty, delightfully old-fashioned mystery.
    Clever, cosy and full of red herrings.`),
  tags: L(`Murder Mystery
    Amateur Sleuth
    Small Town
    Based on a Novel`),
  moods: L(`Suspenseful
    Witty
    Cosy`),
});

const history = T({
  ...war,
  nouns: L(`Empire
    Dynasty
    Crown
    Chronicle
    Revolution
    Conquest
    Republic
    Armada
    Court
    Regent`),
  patterns: L(`The {A} {N}
    {N}
    The {N} of {P}
    {F} of {P}
    Rise of the {N}`),
  setups: L(`In the turbulent court of {P},
    At the dawn of a revolution,
    In the final days of an empire,`),
  heroes: L(`a young scribe
    a reluctant queen (f)
    an ambitious courtier
    an inventor ahead of {their} time`),
  tags: L(`Period Piece
    Royalty
    Based on a True Story
    Biography`),
  moods: L(`Epic
    Thought-Provoking
    Dramatic`),
});

const anime = T({
  adjectives: L(`Crimson
    Eternal
    Azure
    Shining
    Hidden
    Last
    Broken
    Endless
    Scarlet
    Starlit
    Silver
    Wandering`),
  nouns: L(`Blade
    Spirit
    Academy
    Sky
    Requiem
    Chronicle
    Horizon
    Guardian
    Circuit
    Summoner
    Phantom
    Knight
    Lantern
    Festival
    Wing
    Frontier
    Tide
    Oath
    Petal
    Engine`),
  patterns: L(`{A} {N}
    {N} of the {A} {M}
    {A} {N} Chronicle
    The {N} Who Lost the {M}
    {N}//{M}
    {A} {N} Academy
    My {A} {N} Life
    {N} Frontier
    Reborn as a {N} in Another World
    {A} {N}: Zero`),
  taglines: L(`The strongest bonds are forged in battle.
    A new world. A second chance. No cheat codes.
    Every sword remembers its wielder.
    The festival ends tonight. Their story doesn't.
    Pilot. Soldier. Kid.
    The sky is not the limit.`),
  setups: L(`In a world where swords choose their wielders,
    After being transported to a world of magic,
    In a city patrolled by giant machines,
    At an academy for gifted spirit summoners,
    On a quiet island where nothing ever happens,`),
  heroes: L(`a hot-headed boy who dreams of becoming the strongest (m)
    a shy transfer student
    a swordswoman with no memory of {their} past (f)
    a reluctant mecha pilot
    an office worker reborn as a low-level slime tamer
    a girl who can see the threads of fate (f)`),
  incidents: L(`awakens a forbidden power
    is chosen by a legendary weapon
    joins a ragtag guild of misfits
    makes a promise under the festival lights`),
  goals: L(`must grow stronger
    sets out to become a hero
    must protect {their} friends`),
  stakes: L(`before the demon lord returns
    before the tournament begins
    before the city falls`),
  closers: L(`Stunning animation, epic battles and friendships worth fighting for.
    A heartfelt, funny and beautifully drawn adventure.
    Rivals, tournaments and a soundtrack that hits hard.`),
  episodeNames: L(`I Won't Run Anymore!
    The Promise Beneath the Cherry Tree
    Enter the Iron Wolf
    A Tournament of Shadows
    The Day the Sky Broke
    Rivals
    Farewell, Old Friend
    The Festival of Lanterns
    Awakening
    A Beach Day with Everyone!
    The Forbidden Technique
    What I Want to Protect
    The Culture Festival
    One More Step
    Into the Labyrinth
    Spirit Bond
    The Final Exam
    Scarlet Moon
    A New Rival Appears
    The Strongest Duo
    Hot Springs and Secrets`),
  tags: L(`Tournament
    Training Arc
    Found Family
    School
    Magic
    Giant Robots
    Reincarnation
    Simulcast`),
  moods: L(`Exciting
    Heartfelt
    Epic
    Funny`),
});

/** Text for each top-level genre. */
export const FAMILY_TEXT: Record<string, FamilyText> = {
  action,
  adventure,
  animation: family,
  anime,
  comedy,
  crime,
  documentary,
  drama,
  family,
  fantasy,
  history,
  horror,
  music,
  mystery,
  romance,
  'sci-fi': sciFi,
  sports,
  thriller,
  war,
  western,
};

export const NUMBER_WORDS = L(`Seven
  Nine
  Twelve
  Zero
  One
  Three
  Nineteen
  Forty`);

/** Anime episode patterns with {F} a character's given name. */
export const ANIME_EPISODE_PATTERNS = L(`{F}'s Resolve
  Farewell, {F}
  {F} Awakens!
  The Secret of {F}
  {F} vs. {F2}
  A Promise to {F}`);

export const ARC_PATTERNS = L(`The {P} Arc
  {N} Tournament Arc
  Return to {P}
  The {A} {N} Arc
  {N} Academy Arc
  The Siege of {P}
  Sky {N} Arc
  The Lost {N} Arc`);

export const FILLER_SYNOPSES =
  L(`The team takes a well-earned day off at the beach — until a sandcastle contest turns fierce.
  A school culture festival tests everyone's teamwork in unexpected ways.
  {F} gets a part-time job at a cursed ramen shop.
  A rainy day at the inn becomes a contest of ghost stories.
  {F} and {F2} are trapped in an elevator and finally talk.
  The guild hosts a cooking competition with disastrous results.
  A mysterious cat leads {F} on a chase across the city.`);

export const EPISODE_ACTIONS = L(`follows a lead to {P}
  confronts an old ally about what really happened
  makes a dangerous deal
  uncovers a secret that changes everything
  is forced to choose between duty and family
  returns to {P} for the first time in years
  finally tells the truth
  goes missing
  takes matters into {their} own hands
  receives an unexpected visitor
  has one night to fix a terrible mistake
  learns who has been lying
  is pushed to breaking point
  makes an unlikely alliance
  faces the consequences of the last job`);

export const RECOGNITIONS = L(`{They} {have} been nominated twice for the Meridian Film Prize.
  {Their} work on {work} won a Silver Lantern.
  Critics have called {their} work "quietly ferocious".
  Away from the screen, {their} first love is still the stage.
  {Their} home is still {home}.
  {They} {have} a long-running collaboration with {collaborator}.`);

export const EARLY_LIVES: Record<string, string[]> = {
  Acting: L(`grew up above the family bakery and started acting in school plays
    studied architecture before a student film changed {their} plans
    trained at a drama conservatory
    began as a stage actor in regional theatre
    was discovered at an open casting call at seventeen
    started out in sketch comedy`),
  Directing: L(`cut trailers for a small distributor before directing {their} first short
    studied painting and still storyboards every shot by hand
    started out shooting music videos
    worked {their} way up from second assistant director`),
  Writing: L(`wrote for a late-night sketch show
    published two novels before turning to screenwriting
    worked as a journalist for a decade
    studied philosophy and wrote plays on the side`),
  Sound: L(`played cello in a youth orchestra
    toured as a session musician
    composed for video games before moving to film
    studied electronic music in {home}`),
  Production: L(`ran a small independent production company
    produced documentaries for public television`),
};
