#pragma once
// What went wrong with a call to the server, as a value the views can show: the server's
// application/problem+json (RFC 9457) with its per-field errors, or a problem of our own when no
// usable answer came (no network, a timeout, TLS refused, an answer we cannot read).
#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace tessera::reviewer {

struct ProblemField {
    QString field;    // the JSON member, e.g. "reason" or "address.postcode"
    QString code;     // e.g. "required"
    QString message;  // what the person should do
};

struct Problem {
    Q_DECLARE_TR_FUNCTIONS(Problem)

public:
    int status = 0;          // the HTTP status; 0 when no answer came
    QString type;            // "/problems/<code>"
    QString code;            // stable machine code: "validation_failed", "role_required", "network_error", ...
    QString title;           // short summary
    QString detail;          // what happened and what to do, for a person
    QString instance;        // the request id to quote to support
    QList<ProblemField> fieldErrors;
    bool networkError = false;  // no HTTP answer: the server could not be reached, or timed out

    // One message a person can act on: the detail, else the title.
    QString message() const;
    // The message for `field`, or an empty string.
    QString fieldMessage(const QString& field) const;
    // Worth sending the same request again later: no answer, a timeout, a server error (5xx),
    // throttling (429) or the same request still in progress. Anything else is the server's
    // final word on this request.
    bool isTransient() const;
};

// Our codes for problems that did not come from the server.
inline constexpr const char* kNetworkErrorCode = "network_error";
inline constexpr const char* kTimeoutCode = "timeout";
inline constexpr const char* kTlsErrorCode = "tls_error";
inline constexpr const char* kBadAnswerCode = "bad_answer";
inline constexpr const char* kTooLargeCode = "answer_too_large";

// The problem in an HTTP error answer (status >= 400): parsed from application/problem+json, or
// made up from the status when the body is something else (a proxy's HTML page, nothing).
Problem problemFromAnswer(int status, const QByteArray& contentType, const QByteArray& body);

// A problem of our own: `code` one of the codes above, `detail` a translated sentence.
Problem localProblem(const char* code, const QString& detail, bool networkError);

}  // namespace tessera::reviewer
