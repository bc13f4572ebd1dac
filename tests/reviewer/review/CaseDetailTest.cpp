// A case as the server sends it, read into what the case view shows: claims, document and its
// checks, register results, media, history and notes; and a clear error for anything else.
#include <catch2/catch.hpp>

#include <QJsonArray>

#include "review/CaseDetail.h"
#include "support/QStringPrinting.h"
#include "support/ReviewSamples.h"

using namespace tessera;
using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

TEST_CASE("a full case gives the reviewer the person, the document, the checks and the media", "[review][case]") {
    auto parsed = parseCaseDetail(caseFullSample());
    REQUIRE(parsed);
    const CaseDetail& c = *parsed;
    CHECK(c.id == "5422084511ba5c7776fe16260274fb2e");
    CHECK(c.state == ApplicationState::InReview);
    CHECK(c.full);
    CHECK(c.evidence == "document_photo");
    CHECK(c.targetLoa == 2);
    CHECK(c.version == 3);
    CHECK(c.claimExpiresAt == QDateTime(QDate(2026, 11, 28), QTime(14, 14, 2), Qt::UTC));
    CHECK_FALSE(c.decidedAt.isValid());
    CHECK(c.citizenName() == "Eilidh Mairi MacLeod");
    CHECK(c.claims.value("address").toObject().value("postcode").toString() == "HS1 2DU");

    REQUIRE(c.document);
    CHECK(c.document->documentNumber == "MCLEO961230EM9EF");
    CHECK(c.document->issuingCountry == "GBR");
    REQUIRE(c.documentChecks);
    CHECK(c.documentChecks->registerStatus == "valid");
    CHECK(c.documentChecks->daysToExpiry == 2551);
    CHECK(c.documentChecks->registerFields.size() == 5);

    REQUIRE(c.registerResults.size() == 2);
    CHECK(c.registerResults[0].kind == "vital_record");
    CHECK(c.registerResults[1].fields[1].field == "address.postcode");
    CHECK(c.registerResults[1].fields[1].matched);

    REQUIRE(c.media.size() == 2);
    const CaseMedia* front = c.mediaIn("document_front");
    REQUIRE(front);
    CHECK(front->id == "80af2d1ceaefc94eade5b4aa45bb8c48");
    CHECK(front->width == 800);
    CHECK_FALSE(front->isVideo());
    CHECK(front->url.startsWith("/api/v1/review/cases/5422084511ba5c7776fe16260274fb2e/media/"));
    CHECK(c.mediaIn("selfie_video") == nullptr);

    REQUIRE(c.history.size() == 3);
    CHECK(c.history.last().event == "claimed");
    CHECK(c.history.last().fromState == "submitted");
    CHECK(c.notes().isEmpty());
}

TEST_CASE("a summary view (someone else holds the case) has no personal data and still reads", "[review][case]") {
    auto parsed = parseCaseDetail(caseSummarySample());
    REQUIRE(parsed);
    CHECK_FALSE(parsed->full);
    CHECK(parsed->claims.isEmpty());
    CHECK_FALSE(parsed->document);
    CHECK(parsed->citizenName().isEmpty());
    REQUIRE(parsed->documentChecks);  // the checks are not personal
    for (const CaseMedia& m : parsed->media) CHECK(m.url.isEmpty());
}

TEST_CASE("a flagged case's history carries the notes and the flag's reason", "[review][case]") {
    auto parsed = parseCaseDetail(caseFlaggedFullSample());
    REQUIRE(parsed);
    CHECK(parsed->state == ApplicationState::Flagged);
    CHECK(parsed->flagReason == "needs_senior_review");
    const QList<CaseEvent> notes = parsed->notes();
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].event == "note");
    CHECK(notes[0].note == "Back photo slightly blurred; front is clear.");
    CHECK(notes[1].event == "flagged");
    CHECK(notes[1].reason == "needs_senior_review");

    auto note = parseCaseNote(noteSample());
    REQUIRE(note);
    CHECK(note->seq == 4);
    CHECK(note->event == "note");
    CHECK(note->fromState.isEmpty());
}

TEST_CASE("a case with a selfie video lists it as video", "[review][case]") {
    auto parsed = parseCaseDetail(caseWithMismatchesJson());
    REQUIRE(parsed);
    const CaseMedia* video = parsed->mediaIn("selfie_video");
    REQUIRE(video);
    CHECK(video->isVideo());
    CHECK(video->durationMs == 2000);
}

TEST_CASE("a case answer that cannot be read is a clear error, not a crash", "[review][case][malformed]") {
    auto problemOf = [](const QJsonObject& json) {
        auto parsed = parseCaseDetail(json);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code == "malformed_answer");
        return QString::fromStdString(parsed.error().message);
    };
    const QJsonObject good = jsonObject(caseFullSample());
    auto without = [&](const char* key) {
        QJsonObject o = good;
        o.remove(key);
        return o;
    };
    auto with = [&](const char* key, const QJsonValue& value) {
        QJsonObject o = good;
        o[key] = value;
        return o;
    };
    CHECK(problemOf(without("id")).contains("\"id\" is missing"));
    CHECK(problemOf(without("history")).contains("\"history\" is missing"));
    CHECK(problemOf(with("full", "yes")).contains("\"full\" is not true or false"));
    CHECK(problemOf(with("state", "lost")).contains("\"state\" is not a known state"));
    CHECK(problemOf(with("submittedAt", "yesterday")).contains("\"submittedAt\" is not a time"));
    CHECK(problemOf(with("claims", QJsonArray{1})).contains("\"claims\" is not an object"));
    CHECK(problemOf(with("document", "MCLEO961230EM9EF")).contains("\"document\" is not an object"));

    QJsonArray media = good["media"].toArray();
    QJsonObject item = media[1].toObject();
    item.remove("slot");
    media[1] = item;
    CHECK(problemOf(with("media", media)).contains("\"media[1].slot\" is missing"));

    QJsonObject checks = good["documentChecks"].toObject();
    checks["registerFields"] = QJsonArray{QJsonObject{{"field", "givenNames"}, {"matched", "yes"}}};
    CHECK(problemOf(with("documentChecks", checks)).contains("\"documentChecks.registerFields[0].matched\""));

    QJsonArray history = good["history"].toArray();
    history.append("claimed");
    CHECK(problemOf(with("history", history)).contains("\"history[3]\" is not an object"));

    for (const QByteArray& bytes : {QByteArray(), QByteArray("{"), QByteArray("\"a case\""), caseFullSample().left(500)}) {
        auto parsed = parseCaseDetail(bytes);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code == "malformed_answer");
    }
    CHECK_FALSE(parseCaseNote("{\"seq\": 4}"));
}
