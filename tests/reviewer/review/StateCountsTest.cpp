// The counts per state over the queue's filter bar.
#include <catch2/catch.hpp>

#include "review/StateCounts.h"
#include "support/QStringPrinting.h"
#include "support/ReviewSamples.h"

using namespace tessera;
using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

TEST_CASE("the server's counts give each state's number and the cases waiting", "[review][counts]") {
    auto counts = StateCounts::parse(countsSample());
    REQUIRE(counts);
    CHECK(counts->count(ApplicationState::Submitted) == 2);
    CHECK(counts->count(ApplicationState::Flagged) == 0);
    CHECK(counts->waiting() == 2);

    auto later = StateCounts::parse(QByteArray(
        R"({"counts": {"submitted": 5, "in_review": 2, "flagged": 1, "approved": 40, "on_hold": 3}})"));
    REQUIRE(later);  // a state a newer server adds is ignored, not an error
    CHECK(later->waiting() == 8);
    CHECK(later->count(ApplicationState::Approved) == 40);
    CHECK(later->count(ApplicationState::Expired) == 0);
}

TEST_CASE("counts that cannot be read are a clear error", "[review][counts][malformed]") {
    for (const char* bad : {"", "null", R"({"submitted": 2})", R"({"counts": [2]})", R"({"counts": {"submitted": "2"}})",
                            R"({"counts": {"submitted": -1}})", R"({"counts": {"submitted": 1.5}})"}) {
        INFO(bad);
        auto counts = StateCounts::parse(QByteArray(bad));
        REQUIRE_FALSE(counts);
        CHECK(counts.error().code == "malformed_answer");
        CHECK_FALSE(counts.error().message.empty());
    }
}
