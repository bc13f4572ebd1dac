// Problems as the views show them: from the server's problem+json, or made up when the answer is
// something else; and which of them are worth trying again.
#include <catch2/catch.hpp>

#include "client/Problem.h"
#include "client/ReviewTypes.h"

using namespace tessera::reviewer;

TEST_CASE("a problem+json answer is read with its field errors", "[reviewer-client][problem]") {
    const QByteArray body = R"({"code":"validation_failed","detail":"Some fields need to be corrected.",
        "errors":[{"code":"required","field":"reason","message":"Choose a reason for the decision."}],
        "instance":"urn:tessera:request:1","status":400,"title":"The request has errors","type":"/problems/validation_failed"})";
    const Problem p = problemFromAnswer(400, "application/problem+json; charset=utf-8", body);
    CHECK(p.status == 400);
    CHECK(p.code == "validation_failed");
    CHECK(p.type == "/problems/validation_failed");
    CHECK(p.title == "The request has errors");
    CHECK(p.message() == "Some fields need to be corrected.");
    CHECK(p.instance == "urn:tessera:request:1");
    REQUIRE(p.fieldErrors.size() == 1);
    CHECK(p.fieldErrors[0].field == "reason");
    CHECK(p.fieldErrors[0].code == "required");
    CHECK(p.fieldMessage("reason") == "Choose a reason for the decision.");
    CHECK(p.fieldMessage("message").isEmpty());
    CHECK_FALSE(p.networkError);
    CHECK_FALSE(p.isTransient());
}

TEST_CASE("a problem without a code takes it from its type", "[reviewer-client][problem]") {
    const Problem p = problemFromAnswer(409, "application/problem+json", R"({"type":"/problems/claim_expired","title":"Conflict"})");
    CHECK(p.code == "claim_expired");
    CHECK(p.message() == "Conflict");
}

TEST_CASE("an error answer that is no problem document still gets a message", "[reviewer-client][problem]") {
    const Problem gateway = problemFromAnswer(502, "text/html", "<html><body>Bad gateway</body></html>");
    CHECK(gateway.status == 502);
    CHECK(gateway.code == "http_502");
    CHECK_FALSE(gateway.message().isEmpty());
    CHECK_FALSE(gateway.message().contains("<html>"));
    CHECK(gateway.isTransient());

    const Problem empty = problemFromAnswer(403, {}, {});
    CHECK(empty.code == "http_403");
    CHECK_FALSE(empty.message().isEmpty());
    CHECK_FALSE(empty.isTransient());
}

TEST_CASE("what is worth sending again", "[reviewer-client][problem]") {
    CHECK(localProblem(kNetworkErrorCode, "x", true).isTransient());
    CHECK(problemFromAnswer(503, "application/problem+json", R"({"code":"verification_unavailable"})").isTransient());
    CHECK(problemFromAnswer(429, "application/problem+json", R"({"code":"too_many_requests"})").isTransient());
    CHECK(problemFromAnswer(409, "application/problem+json", R"({"code":"request_in_progress"})").isTransient());
    CHECK_FALSE(problemFromAnswer(409, "application/problem+json", R"({"code":"idempotency_key_reused"})").isTransient());
    CHECK_FALSE(problemFromAnswer(404, "application/problem+json", R"({"code":"case_not_found"})").isTransient());
}

TEST_CASE("requests are written the way the server reads them", "[reviewer-client][problem]") {
    SECTION("a decision's bytes are stable: the same decision, the same body for the idempotency key") {
        CHECK(DecisionRequest{"reject", "document_expired", "Ça a expiré.", {}}.toJson() ==
              QByteArray(R"({"decision":"reject","message":"Ça a expiré.","reason":"document_expired"})"));
    }
    SECTION("queue filters go as query parameters, times in UTC") {
        QueueQuery query;
        query.filter.states = {"submitted", "flagged"};
        query.filter.submittedBefore = QDateTime(QDate(2027, 1, 15), QTime(10, 30), Qt::OffsetFromUTC, 3600);
        query.newestFirst = true;
        query.limit = 10;
        query.after = "abc+/=";
        const QUrlQuery q = query.toQuery();
        CHECK(q.queryItemValue("state", QUrl::FullyDecoded) == "submitted,flagged");
        CHECK(q.queryItemValue("submittedBefore", QUrl::FullyDecoded) == "2027-01-15T09:30:00Z");
        CHECK(q.queryItemValue("sort") == "newest");
        CHECK(q.queryItemValue("limit") == "10");
        CHECK(q.queryItemValue("after", QUrl::FullyDecoded) == "abc+/=");
        CHECK_FALSE(q.query(QUrl::FullyEncoded).contains('+'));  // a '+' would reach the server as a space
    }
    SECTION("a partial media answer is placed by its Content-Range") {
        ApiResponse response;
        response.status = 206;
        response.body = QByteArray(100, 'x');
        response.headers = {{"Content-Type", "video/webm"}, {"Content-Range", "bytes 200-299/5000"}};
        auto media = readMedia(response);
        REQUIRE(media);
        CHECK(media->offset == 200);
        CHECK(media->totalSize == 5000);
        CHECK(media->contentType == "video/webm");
        response.headers = {{"Content-Range", "bytes 200-250/5000"}};
        CHECK_FALSE(readMedia(response));
    }
}
