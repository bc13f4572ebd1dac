// The queue filter: the same choice drives the server's query, the claim-next body and the
// table's local filter, so "claim next" takes a case of the kind the reviewer is looking at.
#include <catch2/catch.hpp>

#include "review/QueueFilter.h"
#include "support/QStringPrinting.h"
#include "support/ReviewSamples.h"

using namespace tessera;
using namespace tessera::reviewer;

TEST_CASE("the filter becomes the server's query and claim-next body", "[review][queue][filter]") {
    QueueFilter everything;
    CHECK(everything.toUrlQuery().isEmpty());
    CHECK(everything.toClaimNextBody().isEmpty());

    QueueFilter filter{{ApplicationState::Submitted, ApplicationState::Flagged}, "document_video"};
    CHECK(filter.toUrlQuery().queryItemValue("state") == "submitted,flagged");
    CHECK(filter.toUrlQuery().queryItemValue("evidence") == "document_video");
    CHECK(filter.toClaimNextBody() == QJsonObject{{"state", "submitted,flagged"}, {"evidence", "document_video"}});
}

TEST_CASE("the filter accepts the cases the server would list", "[review][queue][filter]") {
    auto item = [](ApplicationState state, const QString& evidence) {
        QueueItem i;
        i.state = state;
        i.evidence = evidence;
        return i;
    };
    QueueFilter none;  // the server's default: the states reviewers work on
    CHECK(none.accepts(item(ApplicationState::Submitted, "document_photo")));
    CHECK(none.accepts(item(ApplicationState::Flagged, "duplicate_person")));
    CHECK_FALSE(none.accepts(item(ApplicationState::Approved, "document_photo")));

    QueueFilter videoOnly{{}, "document_video"};
    CHECK(videoOnly.accepts(item(ApplicationState::InReview, "document_video")));
    CHECK_FALSE(videoOnly.accepts(item(ApplicationState::InReview, "document_photo")));

    QueueFilter rejected{{ApplicationState::Rejected}, {}};
    CHECK(rejected.accepts(item(ApplicationState::Rejected, "document_photo")));
    CHECK_FALSE(rejected.accepts(item(ApplicationState::Submitted, "document_photo")));
}
