#pragma once
// The words a reviewer reads for the server's stable codes: states, evidence kinds, media slots,
// register kinds and outcomes, history events, field names and decision reasons. All through
// tr(); an unknown code (a newer server) is shown as the code itself rather than hidden.
#include <QCoreApplication>
#include <QString>

#include "tessera/shared/ApplicationState.h"
#include "tessera/shared/DecisionReason.h"

namespace tessera::reviewer {

class ReviewLabels {
    Q_DECLARE_TR_FUNCTIONS(ReviewLabels)

public:
    static QString state(ApplicationState state);
    static QString state(const QString& code);
    static QString evidence(const QString& code);
    static QString slot(const QString& code);
    static QString registerKind(const QString& kind);
    // The register in one word, for table cells ("Birth", "Document").
    static QString registerShort(const QString& kind);
    static QString registerOutcome(const QString& outcome);
    static QString event(const QString& event);
    static QString field(const QString& path);
    // A claimed or documented value in words where it is a code (sex, document type).
    static QString value(const QString& field, const QString& value);
    static QString reason(const QString& code);
    static QString reason(DecisionReason reason);
    static QString decision(ReviewDecision decision);
    // A waiting time for people: "45 min", "3 h 20 min", "2 d 4 h".
    static QString duration(qint64 seconds);
    // A short form of an opaque id for tables ("54220845…").
    static QString shortId(const QString& id);
};

}  // namespace tessera::reviewer
