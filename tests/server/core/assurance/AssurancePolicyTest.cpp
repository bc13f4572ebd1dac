// The assurance policy: configuration parsed with clear errors, levels derived from evidence,
// acr values both ways, and what is missing for a level.
#include <catch2/catch.hpp>

#include "core/assurance/AssurancePolicy.h"

using namespace tessera;
using core::AssurancePolicy;
using core::Evidence;
using core::EvidenceKind;

namespace {

std::vector<Evidence> holding(std::initializer_list<EvidenceKind> kinds) {
    std::vector<Evidence> out;
    for (auto k : kinds) {
        Evidence e;
        e.kind = k;
        out.push_back(e);
    }
    return out;
}

const std::array<std::string, 4> kAcrs{"a0", "a1", "a2", "a3"};

Error parseError(const std::array<std::string, 3>& rules, const std::array<std::string, 4>& acrs = kAcrs) {
    auto p = AssurancePolicy::parse(rules, acrs);
    REQUIRE_FALSE(p.ok());
    return p.error();
}

}  // namespace

TEST_CASE("The default policy gives the levels of DESIGN.md", "[assurance][policy]") {
    AssurancePolicy p;
    CHECK(p.levelFor({}) == Loa::Loa0);
    CHECK(p.levelFor(holding({EvidenceKind::VitalRecord})) == Loa::Loa0);
    CHECK(p.levelFor(holding({EvidenceKind::VitalRecord, EvidenceKind::Address})) == Loa::Loa1);
    CHECK(p.levelFor(holding({EvidenceKind::VitalRecord, EvidenceKind::Address, EvidenceKind::KnownFact})) ==
          Loa::Loa2);
    CHECK(p.levelFor(holding({EvidenceKind::VitalRecord, EvidenceKind::Address, EvidenceKind::PhotoReview})) ==
          Loa::Loa2);
    CHECK(p.levelFor(holding({EvidenceKind::VitalRecord, EvidenceKind::Address, EvidenceKind::DocumentReview})) ==
          Loa::Loa3);
    // A reviewer's approval alone is not enough: LoA 1 comes first.
    CHECK(p.levelFor(holding({EvidenceKind::DocumentReview, EvidenceKind::KnownFact})) == Loa::Loa0);
    CHECK(p.acrFor(Loa::Loa2) == "urn:tessera:loa:2");
    CHECK(p.loaForAcr("urn:tessera:loa:3") == Loa::Loa3);
    CHECK_FALSE(p.loaForAcr("urn:other").has_value());
}

TEST_CASE("The settings' defaults parse to the same policy", "[assurance][policy]") {
    infra::Settings s;
    auto p = AssurancePolicy::fromSettings(s);
    REQUIRE(p.ok());
    CHECK(p->levelFor(holding({EvidenceKind::VitalRecord, EvidenceKind::Address, EvidenceKind::KnownFact})) ==
          Loa::Loa2);
    CHECK(p->acrFor(Loa::Loa0) == s.acrLoa0);
    CHECK(p->ruleFor(Loa::Loa2).size() == 2);
}

TEST_CASE("A configured policy is honoured, with spaces around its terms", "[assurance][policy]") {
    auto p = AssurancePolicy::parse({" vital_record ", "loa1 + known_fact + photo_review", "loa2+document_review"},
                                    kAcrs);
    REQUIRE(p.ok());
    CHECK(p->levelFor(holding({EvidenceKind::VitalRecord})) == Loa::Loa1);
    CHECK(p->levelFor(holding({EvidenceKind::VitalRecord, EvidenceKind::KnownFact})) == Loa::Loa1);
    CHECK(p->levelFor(holding({EvidenceKind::VitalRecord, EvidenceKind::KnownFact, EvidenceKind::PhotoReview})) ==
          Loa::Loa2);
    CHECK(p->levelFor(holding({EvidenceKind::VitalRecord, EvidenceKind::DocumentReview})) == Loa::Loa1);
    CHECK(p->loaForAcr("a1") == Loa::Loa1);
}

TEST_CASE("A bad policy is refused naming the setting and the problem", "[assurance][policy]") {
    auto e = parseError({"vital_record+adress", "loa1+known_fact", "loa1+document_review"});
    CHECK(e.code == "assurance_policy_invalid");
    CHECK(e.message.find("assurance.loa1") != std::string::npos);
    CHECK(e.message.find("adress") != std::string::npos);

    e = parseError({"vital_record", "loa2+known_fact", "loa1"});
    CHECK(e.message.find("assurance.loa2") != std::string::npos);
    CHECK(e.message.find("lower level") != std::string::npos);

    e = parseError({"vital_record", "loa1+known_fact", "loa3+document_review"});
    CHECK(e.message.find("assurance.loa3") != std::string::npos);

    e = parseError({"", "loa1+known_fact", "loa1"});
    CHECK(e.message.find("empty") != std::string::npos);
    e = parseError({"vital_record|", "loa1", "loa2"});
    CHECK(e.message.find("alternative") != std::string::npos);
    e = parseError({"vital_record++address", "loa1", "loa2"});
    CHECK(e.message.find("term") != std::string::npos);
    e = parseError({"vital_record+admin_override", "loa1", "loa2"});
    CHECK(e.message.find("admin_override") != std::string::npos);

    e = parseError({"vital_record", "loa1+known_fact", "loa1+document_review"}, {"a0", "a1", "", "a3"});
    CHECK(e.message.find("assurance.acr_loa2") != std::string::npos);
    e = parseError({"vital_record", "loa1+known_fact", "loa1+document_review"}, {"a0", "a1", "a1", "a3"});
    CHECK(e.message.find("assurance.acr_loa2") != std::string::npos);
    CHECK(e.message.find("assurance.acr_loa1") != std::string::npos);
}

TEST_CASE("An admin override raises the level to at least its own", "[assurance][policy]") {
    AssurancePolicy p;
    auto evidence = holding({EvidenceKind::AdminOverride});
    evidence[0].level = 2;
    CHECK(p.levelFor(evidence) == Loa::Loa2);
    // The override counts as the lower level a rule names.
    evidence.push_back(holding({EvidenceKind::DocumentReview})[0]);
    CHECK(p.levelFor(evidence) == Loa::Loa3);
    // It never lowers what the evidence gives.
    auto full = holding({EvidenceKind::VitalRecord, EvidenceKind::Address, EvidenceKind::KnownFact,
                         EvidenceKind::AdminOverride});
    full.back().level = 1;
    CHECK(p.levelFor(full) == Loa::Loa2);
}

TEST_CASE("Only evidence active at the time counts", "[assurance][policy]") {
    AssurancePolicy p;
    auto evidence = holding({EvidenceKind::VitalRecord, EvidenceKind::Address, EvidenceKind::KnownFact});
    evidence[2].expiresAt = 1000;
    CHECK(p.levelAt(evidence, 999) == Loa::Loa2);
    CHECK(p.levelAt(evidence, 1000) == Loa::Loa1);
    evidence[1].revokedAt = 500;
    CHECK(p.levelAt(evidence, 999) == Loa::Loa0);
}

TEST_CASE("What is missing for a level, one list per way there", "[assurance][policy]") {
    AssurancePolicy p;
    using K = EvidenceKind;
    auto none = p.missingFor(Loa::Loa2, {});
    REQUIRE(none.size() == 2);
    CHECK(none[0] == std::vector<K>{K::VitalRecord, K::Address, K::KnownFact});
    CHECK(none[1] == std::vector<K>{K::VitalRecord, K::Address, K::PhotoReview});

    auto atOne = p.missingFor(Loa::Loa3, holding({K::VitalRecord, K::Address}));
    REQUIRE(atOne.size() == 1);
    CHECK(atOne[0] == std::vector<K>{K::DocumentReview});

    CHECK(p.missingFor(Loa::Loa1, holding({K::VitalRecord})) == std::vector<std::vector<K>>{{K::Address}});
    CHECK(p.missingFor(Loa::Loa1, holding({K::VitalRecord, K::Address})).empty());
    CHECK(p.missingFor(Loa::Loa0, {}).empty());
}
