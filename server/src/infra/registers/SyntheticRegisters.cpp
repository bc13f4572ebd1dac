#include "infra/registers/SyntheticRegisters.h"

#include <array>
#include <cstdio>
#include <memory>
#include <string_view>

#include "tessera/shared/DrivingLicence.h"

namespace tessera::infra {
namespace {

// SplitMix64: a small, fast, well-mixed generator. Not OpenSSL on purpose: this is test
// data, not a secret, and it must come out the same from the same --seed.
class Prng {
public:
    explicit Prng(std::uint64_t state) : state_(state) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }
    template <class List>
    const auto& pick(const List& list) {
        return list[below(list.size())];
    }

private:
    std::uint64_t state_;
};

constexpr std::array<std::string_view, 60> kFemaleNames{
    "Morag",   "Eilidh",   "Catriona", "Fiona",  "Isla",    "Mairi",   "Kirsty",  "Ailsa",    "Iona",     "Shona",
    "Elspeth", "Margaret", "Isobel",   "Jean",   "Agnes",   "Heather", "Rhona",   "Lorna",    "Kirsteen", "Moira",
    "Sheena",  "Flora",    "Effie",    "Jessie", "Euphemia", "Christina", "Janet", "Marion",   "Helen",    "Annie",
    "Catherine", "Katherine", "Elizabeth", "Mary", "Anne",   "Susan",   "Alison",  "Gillian",  "Lesley",   "Carol",
    "Emma",    "Olivia",   "Sophie",   "Grace",  "Freya",   "Orla",    "Skye",    "Zoë",      "Niamh",    "Rowan",
    "Alexandra", "Rebecca", "Victoria", "Jennifer", "Hannah", "Ruth",  "Ishbel",  "Seonaid",  "Mhairi",   "Ainsley"};
constexpr std::array<std::string_view, 60> kMaleNames{
    "Hamish",  "Iain",     "Angus",    "Callum", "Fraser",  "Ewan",    "Finlay",  "Lachlan",  "Ruaridh",  "Alasdair",
    "Duncan",  "Donald",   "Kenneth",  "Malcolm", "Gregor", "Murdo",   "Torquil", "Fergus",   "Graeme",   "Craig",
    "William", "Robert",   "James",    "John",   "Alexander", "Andrew", "Thomas", "David",    "Peter",    "Neil",
    "Stuart",  "Douglas",  "Gordon",   "Archibald", "Hugh",  "Roderick", "Colin",  "Euan",     "Scott",    "Ross",
    "Jamie",   "Kyle",     "Lewis",    "Logan",  "Rory",    "Struan",  "Calum",   "Seán",     "Niall",    "Dougal",
    "Michael", "Stephen",  "Richard",  "Charles", "Edward", "Matthew", "Daniel",  "Joseph",   "Patrick",  "Samuel"};
constexpr std::array<std::string_view, 100> kFamilyNames{
    "Campbell", "MacLeod",  "Fraser",    "Stewart",  "MacDonald", "Robertson", "Thomson",  "Anderson", "Scott",
    "Murray",   "MacKenzie", "Ross",     "Paterson", "Morrison",  "Graham",    "Reid",     "Ferguson", "Cameron",
    "Hamilton", "Johnston", "Kerr",      "Grant",    "MacKay",    "Sinclair",  "Munro",    "Gordon",   "Drummond",
    "Buchanan", "McIntyre", "McGregor",  "MacKinnon", "Shaw",     "Brodie",    "Dunbar",   "Douglas",  "Ogilvie",
    "Lindsay",  "Menzies",  "Urquhart",  "Matheson", "MacRae",    "MacPherson", "Gunn",    "Sutherland", "Mackintosh",
    "Chisholm", "Forbes",   "Innes",     "Galbraith", "Lamont",   "MacNeil",   "MacLean",  "Maclachlan", "McAllister",
    "Kennedy",  "Wallace",  "Bruce",     "Crawford", "Baird",     "Boyd",      "Craig",    "Findlay",  "Gillespie",
    "Henderson", "Hogg",    "Hunter",    "Irvine",   "Jardine",   "Kirk",      "Laing",    "Lockhart", "Mair",
    "Nicolson", "Oliphant", "Pringle",   "Rankin",   "Rennie",    "Ritchie",   "Sharp",    "Simpson",  "Smith",
    "Souter",   "Spence",   "Strachan",  "Tait",     "Todd",      "Turnbull",  "Waddell",  "Watt",     "Wilson",
    "Wright",   "Young",    "O'Neill",   "O'Brien",  "Ó Briain",  "Ferguson-Reid", "Mac Aoidh", "Mcphee", "Bell",
    "Allan"};
constexpr std::array<std::string_view, 30> kPlaces{
    "Edinburgh", "Glasgow",  "Aberdeen",   "Dundee",  "Inverness", "Perth",   "Stirling", "Stornoway",
    "Oban",      "Fort William", "Kirkwall", "Lerwick", "Ayr",     "Dumfries", "Kirkcaldy", "Dunfermline",
    "Paisley",   "Greenock", "Falkirk",    "Elgin",   "Wick",      "Thurso",  "Portree",  "Galashiels",
    "Hawick",    "St Andrews", "Arbroath", "Montrose", "Peterhead", "Motherwell"};

struct Area {
    std::string_view code, town;
};
constexpr std::array<Area, 16> kAreas{{{"AB", "Aberdeen"},  {"DD", "Dundee"},    {"DG", "Dumfries"},  {"EH", "Edinburgh"},
                                       {"FK", "Falkirk"},   {"G", "Glasgow"},    {"HS", "Stornoway"}, {"IV", "Inverness"},
                                       {"KA", "Kilmarnock"}, {"KW", "Kirkwall"}, {"KY", "Kirkcaldy"}, {"ML", "Motherwell"},
                                       {"PA", "Paisley"},   {"PH", "Perth"},     {"TD", "Galashiels"}, {"ZE", "Lerwick"}}};
constexpr std::array<std::string_view, 40> kStreets{
    "High",      "Church",    "Main",      "Station", "Rose",     "Thistle",  "Castle",   "Queen",   "King",   "George",
    "Princes",   "Hanover",   "Bridge",    "Mill",    "Park",     "School",   "Victoria", "Albert",  "Market", "Harbour",
    "Shore",     "Loch",      "Glen",      "Ben",     "Heather",  "Birch",    "Rowan",    "Hawthorn", "Bank",  "Burn",
    "Abbey",     "Kirk",      "Marischal", "Wallace", "Bruce",    "Argyle",   "Hope",     "Union",   "Cathedral", "Crown"};
constexpr std::array<std::string_view, 10> kStreetKinds{"Street", "Road", "Avenue", "Crescent", "Terrace",
                                                        "Place",  "Gardens", "Drive", "Lane",   "Wynd"};
constexpr std::string_view kInwardLetters = "ABDEF";  // a few of the letters an inward code may use

// FNV-1a: the same on every platform, unlike std::hash, so files do not depend on the library.
std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (unsigned char c : text) h = (h ^ c) * 0x100000001B3ULL;
    return h;
}

std::string digits(std::uint64_t value, int width) {
    std::string out(static_cast<std::size_t>(width), '0');
    for (int i = width - 1; i >= 0 && value > 0; --i, value /= 10) out[static_cast<std::size_t>(i)] = char('0' + value % 10);
    return out;
}

std::string twoDigits(int v) { return digits(static_cast<std::uint64_t>(v), 2); }

char initialOf(std::string_view name) { return drivingLicenceSurnameCode(name)[0]; }

CalendarDate randomDate(Prng& rng, int fromYear, int toYear) {
    CalendarDate d;
    d.year = fromYear + static_cast<int>(rng.below(static_cast<std::uint64_t>(toYear - fromYear + 1)));
    d.month = 1 + static_cast<int>(rng.below(12));
    d.day = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(daysInMonth(d.year, d.month))));
    return d;
}

std::string documentStatus(Prng& rng) {
    const auto roll = rng.below(1000);
    if (roll < 15) return "lost";
    if (roll < 25) return "stolen";
    if (roll < 40) return "cancelled";
    return "valid";
}

CalendarDate documentExpiry(Prng& rng) {
    // Mostly in the future; one in twenty already expired.
    return rng.chance(5) ? randomDate(rng, 2015, 2024) : randomDate(rng, 2026, 2036);
}

// A DVLA-structured number for this person (see shared/DrivingLicence.h); the 14th digit
// and the check letters come from the index, so two people alike otherwise differ.
std::string drivingLicenceNumber(const SyntheticPerson& p, std::uint64_t index, std::string_view first,
                                 std::string_view second) {
    std::string n = drivingLicenceSurnameCode(p.familyName);
    n += char('0' + (p.dateOfBirth.year / 10) % 10);
    n += twoDigits(p.dateOfBirth.month + (p.sex == Sex::Female ? 50 : 0));
    n += twoDigits(p.dateOfBirth.day);
    n += char('0' + p.dateOfBirth.year % 10);
    n += initialOf(first);
    n += second.empty() ? '9' : initialOf(second);
    n += char('0' + (index / 676) % 10);
    n += char('A' + index % 26);
    n += char('A' + (index / 26) % 26);
    return n;
}

void appendField(std::string& out, std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// A CSV file written through a large buffer.
class CsvOut {
public:
    explicit CsvOut(const std::string& path) : file_(std::fopen(path.c_str(), "wb"), &std::fclose) {}
    bool ok() const { return file_ != nullptr && !failed_; }
    void row(std::initializer_list<std::string_view> fields) {
        bool first = true;
        for (auto f : fields) {
            if (!first) buffer_ += ',';
            appendField(buffer_, f);
            first = false;
        }
        buffer_ += '\n';
        ++rows_;
        if (buffer_.size() > (1u << 20)) flush();
    }
    void flush() {
        if (file_ && !buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get()) != buffer_.size())
            failed_ = true;
        buffer_.clear();
    }
    bool close() {
        flush();
        if (file_ && std::fflush(file_.get()) != 0) failed_ = true;
        const bool good = ok();
        file_.reset();
        return good;
    }
    std::uint64_t rows() const { return rows_ > 0 ? rows_ - 1 : 0; }  // less the header

private:
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
    std::string buffer_;
    bool failed_ = false;
    std::uint64_t rows_ = 0;
};

}  // namespace

SyntheticPerson syntheticPerson(std::uint64_t seed, std::uint64_t index) {
    Prng rng(seed * 0x2545F4914F6CDD1DULL ^ (index + 1) * 0x9E3779B97F4A7C15ULL);
    SyntheticPerson p;
    p.personRef = "P-" + digits(index + 1, 9);
    p.sex = rng.chance(50) ? Sex::Female : Sex::Male;
    const auto& names = p.sex == Sex::Female ? kFemaleNames : kMaleNames;
    const std::string_view first = rng.pick(names);
    std::string_view middle;
    if (rng.chance(50)) {
        middle = rng.pick(names);
        if (middle == first) middle = {};
    }
    p.givenNames = std::string(first);
    if (!middle.empty()) p.givenNames += " " + std::string(middle);
    p.familyName = std::string(rng.pick(kFamilyNames));
    p.dateOfBirth = randomDate(rng, 1930, 2007);
    p.placeOfBirth = std::string(rng.pick(kPlaces));
    p.mothersMaidenName = std::string(rng.pick(kFamilyNames));

    // About twenty addresses share a postcode, and a postcode is one street.
    const Area& area = rng.pick(kAreas);
    const auto district = 1 + rng.below(15);
    const auto sector = rng.below(9) + 1;
    const auto unit = rng.below(kInwardLetters.size() * kInwardLetters.size());
    p.postcode = std::string(area.code) + std::to_string(district) + " " + std::to_string(sector) +
                 kInwardLetters[unit / kInwardLetters.size()] + kInwardLetters[unit % kInwardLetters.size()];
    Prng street(fnv1a(p.postcode));
    p.line1 = std::to_string(1 + rng.below(180)) + " " + std::string(street.pick(kStreets)) + " " +
              std::string(street.pick(kStreetKinds));
    if (rng.chance(20)) p.line1 = "Flat " + std::to_string(1 + rng.below(3)) + "/" + std::to_string(1 + rng.below(2)) + ", " + p.line1;
    p.town = std::string(area.town);
    p.uprn = digits(100000000000ULL + index, 12);

    p.councilTaxReference = "CT" + digits(4000000000ULL + index, 10);
    if (rng.chance(40)) p.entitlementCardNumber = "633597" + digits(index, 10);
    if (rng.chance(75)) {
        // 9 digits, distinct for every index below 900 million (7919 is prime to 9 * 10^8).
        const auto number = 100000000ULL + (index * 7919ULL) % 900000000ULL;
        p.passport = SyntheticDocument{digits(number, 9), documentExpiry(rng), documentStatus(rng)};
    }
    if (ageOn(p.dateOfBirth, {2026, 1, 1}) >= 17 && rng.chance(65))
        p.drivingLicence = SyntheticDocument{drivingLicenceNumber(p, index, first, middle), documentExpiry(rng),
                                             documentStatus(rng)};
    return p;
}

Result<SyntheticCounts> writeSyntheticRegisters(const std::string& dir, std::uint64_t people, std::uint64_t seed) {
    CsvOut vital(dir + "/vital-records.csv"), addresses(dir + "/addresses.csv"), facts(dir + "/known-facts.csv"),
        documents(dir + "/documents.csv");
    if (!vital.ok() || !addresses.ok() || !facts.ok() || !documents.ok())
        return Error::invalid("register_write_failed", "The registers cannot be written to " + dir + ".");
    vital.row({"person_ref", "given_names", "family_name", "date_of_birth", "sex", "place_of_birth", "mothers_maiden_name"});
    addresses.row({"uprn", "line1", "line2", "town", "postcode"});
    facts.row({"fact_type", "reference", "person_ref"});
    documents.row({"document_type", "number", "given_names", "family_name", "date_of_birth", "expiry_date", "status"});
    for (std::uint64_t i = 0; i < people; ++i) {
        const SyntheticPerson p = syntheticPerson(seed, i);
        const std::string dob = toIsoString(p.dateOfBirth);
        vital.row({p.personRef, p.givenNames, p.familyName, dob, toString(p.sex), p.placeOfBirth, p.mothersMaidenName});
        addresses.row({p.uprn, p.line1, p.line2, p.town, p.postcode});
        facts.row({"council_tax_reference", p.councilTaxReference, p.personRef});
        if (p.entitlementCardNumber) facts.row({"entitlement_card_number", *p.entitlementCardNumber, p.personRef});
        for (const auto& [type, doc] : {std::pair{"passport", &p.passport}, std::pair{"driving_licence", &p.drivingLicence}}) {
            if (!*doc) continue;
            const auto& d = **doc;
            documents.row({type, d.number, p.givenNames, p.familyName, dob, toIsoString(d.expiryDate), d.status});
        }
    }
    SyntheticCounts counts{vital.rows(), addresses.rows(), facts.rows(), documents.rows()};
    if (!vital.close() || !addresses.close() || !facts.close() || !documents.close())
        return Error::invalid("register_write_failed", "The registers could not be written completely to " + dir + ".");
    return counts;
}

}  // namespace tessera::infra
