/**
 * Police custody suites of England and Wales by force, as a public register of HM Prison and
 * Probation Service lists them.
 *
 * Source: github.com/ministryofjustice/moving-people-safely, db/seeds/police_custody.csv (the police
 * custody locations that service's escort records were made from, one `SUITE (Force)` a row). The
 * prison register (github.com/ministryofjustice/prison-register) has a police_custody_suite table
 * (migrations V1_47__police_custody_suites_tables, V1_56__police_custody_suite_payroll_region) but
 * its migrations hold no rows for it, so that register could not be the source. Compiled 2026-12-02.
 *
 * Carried over: each row that names its force, the force written as the force calls itself
 * ("SUSSEX POLICE FORCE" is Sussex Police; Hampshire is Hampshire and Isle of Wight Constabulary, its
 * name since 2022). Left out: the 29 rows naming no force (Nottingham, Kendal, Bournemouth, Croydon
 * Custody Unit, Longsight and others), rows that are no suite ("CMC EAST PNC WANTED", "SUSSEX POLICE -
 * SSX", "WEST MIDLANDS POLICE", a former site, a voluntary-attendee suite) and repeats (Margate twice;
 * Lowestoft once without a force; Weston-super-Mare, Bridgwater and Charles Cross each under two
 * spellings; Bolton under both
 * Lancashire and Greater Manchester, kept under Greater Manchester, whose town it is). Names are in
 * title case with their typing slips mended (Barnslea, Folkstone, Lowesoft, Middlesborough, Stanstead,
 * Warminstre, Wavetree, "POLIOCE", "STAION"). No row names Cambridgeshire, Cumbria, Dorset, Norfolk,
 * Nottinghamshire or Staffordshire, so those forces have no suites here.
 *
 * One `Force|Suite;Suite;…` a line, parsed once. A suite is "<name> Police Station" unless it has
 * "Custody" in its name or starts with "=", which marks a name the register gives bare.
 */
export const CUSTODY_SUITE_REGISTER = `Avon and Somerset Police|Bath;Bridgwater;Bristol;Broadbury Road;Southmead Road;Staple Hill;Taunton;Trinity Road;Weston-super-Mare
Bedfordshire Police|Bedford;Dunstable;Luton
Cheshire Constabulary|Chester;Congleton;Crewe;Warrington
City of London Police|Bishopsgate
Cleveland Police|Hartlepool;Middlesbrough;Redcar;Stockton
Derbyshire Constabulary|Buxton;Chesterfield;Derby;Glossop
Devon and Cornwall Police|Barnstaple;Camborne;Charles Cross;Exeter;Heavitree Road;Launceston;Newquay;Torquay
Durham Constabulary|Bishop Auckland;Consett;Darlington;Durham;Peterlee
Dyfed-Powys Police|Aberystwyth;Ammanford;Brecon;Crickhowell;Haverfordwest;Llanelli;Newtown
Essex Police|Basildon;Braintree;Brentwood;Chelmsford;Clacton;Colchester;Grays;Harlow;Loughton;Rayleigh;Southend;Stansted Airport
Gloucestershire Constabulary|Cheltenham;Gloucester
Greater Manchester Police|Ashton-under-Lyne;Bolton;Bury;Cheadle Heath;Stretford;Swinton
Gwent Police|Newport Central Custody;Ystrad Mynach Custody
Hampshire and Isle of Wight Constabulary|Bitterne
Hertfordshire Constabulary|Hatfield;Hemel Hempstead;Hertford;St Albans;Stevenage;Watford
Humberside Police|Grimsby
Kent Police|Ashford;Broadstairs;Canterbury;Dover;Folkestone;Herne Bay;Maidstone;Margate;North Kent;Ramsgate;Sittingbourne;Tonbridge;Whitstable
Lancashire Constabulary|Accrington;Bamber;Blackburn;Blackpool Central;Burnley;Chorley;Clitheroe;Colne;Fleetwood;Lancaster;Leyland;Morecambe;Ormskirk;Padiham;Preston;Skelmersdale
Leicestershire Police|Beaumont Leys;Euston;Loughborough
Lincolnshire Police|Boston;Gainsborough;Grantham;Lincoln Long Bennington;Louth;Skegness;Sleaford
Merseyside Police|Allerton;Belle Vale;Bromborough;Crosby;Halewood;Hoylake;Huyton;Kirkby;Newton-le-Willows;Southport;St Anne Street;St Helens;Wallasey;Wavertree
Metropolitan Police Service|Acton;Albany Street;Barkingside;Barnet;Battersea;Belgravia;Bethnal Green;Bexleyheath;Bickley;Biggin Hill;Bow;Brentford;Brick Lane;Brixton;Bromley;Burnt Ash Lane;Canning;Carey Way;Catford;=Cavendish Row;Chalkhill;Charing Cross;Chelsea;Chingford;Chislehurst;Chiswick;Clapham;Colindale;Croydon;Dagenham and Barking;Forest Gate;Harrow Central;Heathrow;Holborn;Hounslow;Ilford;Islington;Kingston;Lewisham;Leyton;Plumstead;Romford;Shoreditch;South Harrow;Southall;Southwark;Stoke Newington;Sutton;Wandsworth;Wembley;West End Central;Wimbledon;Wood Green
North Wales Police|Bangor;Buckley;Caernarfon;Colwyn Bay;Deeside;Dolgellau;Holyhead;Llandudno;Mold;Pwllheli;Rhosllanerchrugog;Rhyl;Wrexham
North Yorkshire Police|Harrogate;Scarborough;Skipton;York
Northamptonshire Police|Campbell;Corby;Elizabeth Street;Midland Road;New Street;Weston Favell
Northumbria Police|Alnwick;Ashington;Berwick;Blyth;Cramlington;Gateshead;Gateshead East;Hexham;Jarrow;Morpeth;Newcastle;Newcastle East;North Shields;South Shields;Sunderland City;Sunderland West;Wallsend;Washington
South Wales Police|Bridgend Custody Suite;Cardiff Bay Custody Suite;Merthyr Custody Suite;Swansea Custody Suite
South Yorkshire Police|Attercliffe;Barnsley;Bridge Street;Doncaster;Ecclesfield;Moss Way;Rotherham;West Bar;Wombwell
Suffolk Constabulary|Beccles;Bury St Edmunds;Eye;Felixstowe;Halesworth;Haverhill;Ipswich;Leiston;Lowestoft;Mildenhall;Newmarket;Stowmarket;Sudbury;Woodbridge
Surrey Police|Reigate
Sussex Police|Bexhill;Brighton;Chichester;Crawley;East Grinstead;Eastbourne Hammonds;Gatwick;Hailsham;Hastings;Haywards Heath;Horsham;Hove;Lewes;Littlehampton;Shoreham;Worthing
Thames Valley Police|Abingdon
Warwickshire Police|Leamington Spa;Nuneaton;Rugby;Stratford-upon-Avon
West Mercia Police|Hereford;Kidderminster;Malinsgate;Oswestry;Redditch;Shrewsbury
West Midlands Police|Belgrave Road;Green Lane;Sutton Coldfield
West Yorkshire Police|Bradford Bridewell;Chapeltown;Dewsbury;Eccleshill;Huddersfield;Keighley;Killingbeck;Leeds Bridewell;Morley;Pontefract;Pudsey;Toller Lane;Wakefield;Weetwood
Wiltshire Police|Amesbury;Chippenham;Marlborough;Salisbury;Swindon;Trowbridge;Warminster;Wootton Bassett`;
