// ApiClient and ReviewApi against the real server: the queue, a case, media and a decision as a
// reviewer does them; the server's problems as values the views can show.
#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include "ClientTestSupport.h"
#include "client/IdempotencyKey.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

QJsonObject mediaInSlot(const QJsonObject& caseView, const QString& slot) {
    for (const QJsonValue& m : caseView["media"].toArray())
        if (m.toObject()["slot"].toString() == slot) return m.toObject();
    return {};
}

}  // namespace

TEST_CASE("a reviewer sees the queue, claims a case, reads it with its media, notes and approves it",
          "[reviewer-client][api]") {
    ReviewerAtServer at;
    ReviewApi& api = at.api;

    auto counts = await<CaseCounts>([&](auto done) { api.counts(nullptr, done); });
    REQUIRE(counts);
    REQUIRE(counts->ok());
    CHECK(counts->value().value("submitted") == 2);
    CHECK(counts->value().value("approved") == 0);

    QueueQuery query;
    query.filter.states = {"submitted", "in_review"};  // a comma in the query reaches the server intact
    query.filter.evidence = "document_photo";
    query.limit = 1;
    auto first = await<CasePage>([&](auto done) { api.listCases(query, nullptr, done); });
    REQUIRE(first);
    REQUIRE(first->ok());
    REQUIRE(first->value().items.size() == 1);
    REQUIRE_FALSE(first->value().next.isEmpty());
    query.after = first->value().next;
    auto second = await<CasePage>([&](auto done) { api.listCases(query, nullptr, done); });
    REQUIRE(second);
    REQUIRE(second->ok());
    REQUIRE(second->value().items.size() == 1);
    CHECK(second->value().next.isEmpty());
    const QString firstId = first->value().items[0].toObject()["id"].toString();
    CHECK(second->value().items[0].toObject()["id"].toString() != firstId);

    QueueQuery older;
    older.filter.submittedBefore = CaseSelection::olderThan(3600);  // nothing has waited an hour yet
    auto none = await<CasePage>([&](auto done) { api.listCases(older, nullptr, done); });
    REQUIRE(none);
    REQUIRE(none->ok());
    CHECK(none->value().items.isEmpty());

    auto claimed = await<QJsonObject>([&](auto done) { api.claim(firstId, nullptr, done); });
    REQUIRE(claimed);
    REQUIRE(claimed->ok());
    CHECK(claimed->value()["state"].toString() == "in_review");
    CHECK(claimed->value()["full"].toBool());

    const QJsonObject caseView = at.readCase(firstId);
    CHECK(caseView["claims"].toObject()["name"].toString().size() > 0);
    const QJsonObject front = mediaInSlot(caseView, "document_front");
    const QJsonObject back = mediaInSlot(caseView, "document_back");
    REQUIRE_FALSE(front.isEmpty());
    REQUIRE_FALSE(back.isEmpty());

    SECTION("the document photos come whole, or a byte range of them, into memory") {
        auto photo = await<MediaBytes>([&](auto done) { api.fetchMedia(front["url"].toString(), std::nullopt, nullptr, done); });
        REQUIRE(photo);
        REQUIRE(photo->ok());
        CHECK(photo->value().contentType == "image/jpeg");
        CHECK(photo->value().bytes.size() == front["byteSize"].toInteger());
        CHECK(QCryptographicHash::hash(photo->value().bytes, QCryptographicHash::Sha256).toHex() ==
              front["sha256"].toString().toLatin1());

        auto part = await<MediaBytes>([&](auto done) { api.fetchMedia(back["url"].toString(), ByteRange{10, 109}, nullptr, done); });
        REQUIRE(part);
        REQUIRE(part->ok());
        CHECK(part->value().offset == 10);
        CHECK(part->value().bytes.size() == 100);
        CHECK(part->value().totalSize == back["byteSize"].toInteger());

        // A link with a wrong token is refused with the server's own words.
        QString forged = front["url"].toString();
        forged = forged.left(forged.indexOf("token=") + 6) + "forged";
        auto refused = await<MediaBytes>([&](auto done) { api.fetchMedia(forged, std::nullopt, nullptr, done); });
        REQUIRE(refused);
        REQUIRE_FALSE(refused->ok());
        CHECK(refused->problem().status == 403);
        CHECK(refused->problem().code == "media_token_invalid");
        CHECK(refused->problem().message().contains("open the media from the case again"));
    }

    SECTION("a note joins the history, and the approval raises the citizen's level once") {
        auto note = await<QJsonObject>([&](auto done) { api.addNote(firstId, "Passport photo checked.", nullptr, done); });
        REQUIRE(note);
        REQUIRE(note->ok());
        CHECK(note->value()["note"].toString() == "Passport photo checked.");

        auto reasons = await<QList<ReasonChoice>>([&](auto done) { api.reasons(nullptr, done); });
        REQUIRE(reasons);
        REQUIRE(reasons->ok());
        CHECK(std::any_of(reasons->value().begin(), reasons->value().end(),
                          [](const ReasonChoice& r) { return r.code == "document_expired" && r.forReject; }));

        const QByteArray key = *newIdempotencyKey();
        const QByteArray body = DecisionRequest{"approve", {}, {}, {}}.toJson();
        auto decided = await<DecisionResult>([&](auto done) { api.decide(firstId, body, key, nullptr, done); });
        REQUIRE(decided);
        REQUIRE(decided->ok());
        CHECK(decided->value().state == "approved");
        CHECK(decided->value().loa == 2);
        CHECK(decided->value().previousLoa == 1);
        CHECK_FALSE(decided->value().replayed);

        // The same key and body again: the first answer, replayed, and nothing decided twice.
        auto again = await<DecisionResult>([&](auto done) { api.decide(firstId, body, key, nullptr, done); });
        REQUIRE(again);
        REQUIRE(again->ok());
        CHECK(again->value().replayed);
        CHECK(again->value().decidedAt == decided->value().decidedAt);
        CHECK(at.decisionsInHistory(firstId) == 1);

        auto after = await<CaseCounts>([&](auto done) { api.counts(nullptr, done); });
        REQUIRE(after);
        REQUIRE(after->ok());
        CHECK(after->value().value("approved") == 1);
    }
}

TEST_CASE("the server's problems arrive as values with their field errors", "[reviewer-client][api]") {
    ReviewerAtServer at;
    const QString caseId = at.claimNext();

    SECTION("a rejection without reason or message names both fields") {
        const QByteArray body = DecisionRequest{"reject", {}, {}, {}}.toJson();
        auto refused = await<DecisionResult>([&](auto done) { at.api.decide(caseId, body, *newIdempotencyKey(), nullptr, done); });
        REQUIRE(refused);
        REQUIRE_FALSE(refused->ok());
        const Problem& p = refused->problem();
        CHECK(p.status == 400);
        CHECK(p.code == "validation_failed");
        CHECK_FALSE(p.networkError);
        CHECK_FALSE(p.isTransient());
        CHECK(p.fieldErrors.size() == 2);
        CHECK(p.fieldMessage("reason") == "Choose a reason for the decision.");
        CHECK_FALSE(p.fieldMessage("message").isEmpty());
        CHECK(p.instance.startsWith("urn:tessera:request:"));
        CHECK(at.decisionsInHistory(caseId) == 0);
    }

    SECTION("bad queue parameters are reported per parameter") {
        auto reply = std::optional<ApiReply>();
        at.client.send(ApiRequest::get("/api/v1/review/cases?limit=0&sort=sideways"), nullptr,
                       [&](const ApiReply& r) { reply = r; });
        REQUIRE(waitFor([&] { return reply.has_value(); }));
        REQUIRE_FALSE(reply->ok());
        CHECK(reply->problem().fieldMessage("sort") == "Use oldest or newest.");
        CHECK(reply->problem().fieldMessage("limit").contains("1 to 100"));
    }

    SECTION("a decision without an idempotency key is refused") {
        auto reply = std::optional<ApiReply>();
        at.client.send(ApiRequest::post(ReviewApi::decisionPath(caseId), QJsonObject{{"decision", "approve"}}), nullptr,
                       [&](const ApiReply& r) { reply = r; });
        REQUIRE(waitFor([&] { return reply.has_value(); }));
        REQUIRE_FALSE(reply->ok());
        CHECK(reply->problem().code == "idempotency_key_required");
        CHECK(at.decisionsInHistory(caseId) == 0);
    }

    SECTION("an unknown case is not found") {
        auto missing = await<QJsonObject>([&](auto done) { at.api.readCase("no-such-case/../../x", nullptr, done); });
        REQUIRE(missing);
        REQUIRE_FALSE(missing->ok());
        CHECK(missing->problem().status == 404);
    }
}

TEST_CASE("a citizen is no reviewer: role_required", "[reviewer-client][api]") {
    RunningServer server;
    StaffSession citizen = signInAs(server, "citizen");
    ApiClient client(server.url());
    client.setAuth(sessionAuth(citizen));
    ReviewApi api(client);
    auto page = await<CasePage>([&](auto done) { api.listCases({}, nullptr, done); });
    REQUIRE(page);
    REQUIRE_FALSE(page->ok());
    CHECK(page->problem().status == 403);
    CHECK(page->problem().code == "role_required");
    CHECK_FALSE(page->problem().message().isEmpty());
}

TEST_CASE("no server, or one that does not answer: a network problem, worth trying again", "[reviewer-client][api]") {
    SECTION("nobody listens") {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ApiClient client(QUrl(QString("http://127.0.0.1:%1").arg(port)));
        ReviewApi api(client);
        auto counts = await<CaseCounts>([&](auto done) { api.counts(nullptr, done); });
        REQUIRE(counts);
        REQUIRE_FALSE(counts->ok());
        CHECK(counts->problem().networkError);
        CHECK(counts->problem().isTransient());
        CHECK(counts->problem().status == 0);
        CHECK(counts->problem().message().contains(QString("127.0.0.1:%1").arg(port)));
    }

    SECTION("a server that accepts the connection and says nothing: the timeout") {
        QTcpServer silent;
        REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
        ApiClient client(QUrl(QString("http://127.0.0.1:%1").arg(silent.serverPort())));
        client.setTimeoutMs(300);
        ReviewApi api(client);
        auto counts = await<CaseCounts>([&](auto done) { api.counts(nullptr, done); });
        REQUIRE(counts);
        REQUIRE_FALSE(counts->ok());
        CHECK(counts->problem().code == "timeout");
        CHECK(counts->problem().networkError);
        CHECK(counts->problem().isTransient());
        CHECK(client.pending() == 0);
    }
}

TEST_CASE("a 401 refreshes the credentials once and sends the request again", "[reviewer-client][api]") {
    RunningServer server;
    StaffSession reviewer = signInAs(server, "reviewer");
    ApiClient client(server.url());
    ReviewApi api(client);
    int signInRequired = 0;
    QObject::connect(&client, &ApiClient::signInRequired, [&] { ++signInRequired; });

    HeaderList current;  // signed out at first: the server answers 401
    int refreshes = 0;
    bool refreshWorks = true;
    ApiAuth auth;
    auth.headers = [&] { return current; };
    auth.refresh = [&](std::function<void(bool)> done) {
        ++refreshes;
        // Answered later, as a real token refresh is.
        QTimer::singleShot(20, [&, done] {
            if (refreshWorks)
                for (const auto& [name, value] : reviewer.headers()) current.append({name, value});
            done(refreshWorks);
        });
    };
    client.setAuth(auth);

    SECTION("two calls hit the 401 together: one refresh, both retried and answered") {
        std::optional<ApiResult<CaseCounts>> a;
        std::optional<ApiResult<CasePage>> b;
        api.counts(nullptr, [&](const ApiResult<CaseCounts>& r) { a = r; });
        api.listCases({}, nullptr, [&](const ApiResult<CasePage>& r) { b = r; });
        REQUIRE(waitFor([&] { return a && b; }));
        CHECK(a->ok());
        CHECK(b->ok());
        CHECK(refreshes == 1);
        CHECK(signInRequired == 0);
    }

    SECTION("the refresh fails: the 401 is the answer and the reviewer must sign in") {
        refreshWorks = false;
        auto counts = await<CaseCounts>([&](auto done) { api.counts(nullptr, done); });
        REQUIRE(counts);
        REQUIRE_FALSE(counts->ok());
        CHECK(counts->problem().status == 401);
        CHECK(refreshes == 1);
        CHECK(signInRequired == 1);
    }
}

TEST_CASE("an answer for a view that has closed is not delivered", "[reviewer-client][api]") {
    ReviewerAtServer at;
    bool called = false;
    {
        QObject view;
        at.api.counts(&view, [&](const ApiResult<CaseCounts>&) { called = true; });
    }
    REQUIRE(waitFor([&] { return at.client.pending() == 0; }));
    CHECK_FALSE(called);
}

TEST_CASE("an edit carries If-Match with the ETag it is based on – a stale one is refused", "[reviewer-client][api]") {
    RunningServer server;
    StaffSession admin = signInAs(server, "admin");
    ApiClient client(server.url());
    client.setAuth(sessionAuth(admin));
    auto call = [&](const ApiRequest& request) {
        std::optional<ApiReply> reply;
        client.send(request, nullptr, [&](const ApiReply& r) { reply = r; });
        REQUIRE(waitFor([&] { return reply.has_value(); }));
        return *reply;
    };

    const ApiReply list = call(ApiRequest::get("/api/v1/admin/services"));
    REQUIRE(list.ok());
    const QString id = list->json.object()["items"].toArray().first().toObject()["id"].toString();
    REQUIRE_FALSE(id.isEmpty());
    const QString path = "/api/v1/admin/services/" + pathSegment(id);
    const ApiReply read = call(ApiRequest::get(path));
    REQUIRE(read.ok());
    const QByteArray etag = read->header("ETag");
    REQUIRE_FALSE(etag.isEmpty());

    const ApiReply changed = call(ApiRequest::patch(path, {{"description", "The council's own portal."}}).withIfMatch(etag));
    INFO((changed.ok() ? std::string() : changed.problem().message().toStdString()));
    REQUIRE(changed.ok());
    CHECK(changed->header("etag") != etag);  // header names are case-insensitive

    const ApiReply stale = call(ApiRequest::patch(path, {{"description", "Lost update"}}).withIfMatch(etag));
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.problem().status == 412);
    CHECK(stale.problem().code == "precondition_failed");
}

namespace {

// A loopback server that answers every request with `answer` (raw HTTP).
struct CannedHttpServer {
    QTcpServer listener;
    QByteArray answer;
    QList<QByteArray> requests;

    explicit CannedHttpServer(QByteArray canned) : answer(std::move(canned)) {
        REQUIRE(listener.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&listener, &QTcpServer::newConnection, &listener, [this] {
            while (QTcpSocket* socket = listener.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    requests.append(socket->readAll());
                    socket->write(answer);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QUrl url() const { return QUrl(QString("http://127.0.0.1:%1").arg(listener.serverPort())); }
};

}  // namespace

TEST_CASE("a redirect is not followed: credentials never travel to another address", "[reviewer-client][api]") {
    CannedHttpServer server("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.2:1/steal\r\nContent-Length: 0\r\n"
                            "Connection: close\r\n\r\n");
    ApiClient client(server.url());
    client.setAuth(bearerAuth([] { return QByteArray("access-token"); }));
    ReviewApi api(client);
    auto counts = await<CaseCounts>([&](auto done) { api.counts(nullptr, done); });
    REQUIRE(counts);
    REQUIRE_FALSE(counts->ok());
    CHECK(counts->problem().status == 302);
    CHECK(counts->problem().code == "bad_answer");
    REQUIRE(server.requests.size() == 1);
    CHECK(server.requests.first().contains("Authorization: Bearer access-token"));
}

TEST_CASE("a link to another server is not fetched", "[reviewer-client][api]") {
    CannedHttpServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    ApiClient client(server.url());
    CHECK(client.resolve("/api/v1/review/counts").toString() == server.url().toString() + "/api/v1/review/counts");
    CHECK(client.resolve(server.url().toString() + "/api/v1/x?token=1").isValid());
    CHECK(client.resolve("http://elsewhere.example/api/v1/x").isEmpty());
    CHECK(client.resolve("//elsewhere.example/api/v1/x").isEmpty());
    CHECK(client.resolve("api/v1/x").isEmpty());

    ReviewApi api(client);
    auto media = await<MediaBytes>([&](auto done) { api.fetchMedia("https://elsewhere.example/m?token=t", std::nullopt, nullptr, done); });
    REQUIRE(media);
    REQUIRE_FALSE(media->ok());
    CHECK(media->problem().code == "invalid_address");
    CHECK(server.requests.isEmpty());

    ApiClient behindProxy(QUrl("https://gateway.example/tessera/"));
    CHECK(behindProxy.resolve("/api/v1/review/cases", QUrlQuery("limit=5")).toString() ==
          "https://gateway.example/tessera/api/v1/review/cases?limit=5");
}
