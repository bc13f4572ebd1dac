#pragma once
// The comparison a reviewer reads first: each thing the citizen claimed beside what their
// document says and what each register answered (registers say only whether a field agreed,
// never their value). A row is a mismatch when a register disagreed, when the claim and the
// document differ, or when the document is expired or reported lost or stolen.
#include <QList>
#include <QString>

#include "review/CaseDetail.h"

namespace tessera::reviewer {

struct RegisterVerdict {
    QString source;  // vital_record | address | known_fact | document
    bool matched = false;
};

struct ComparisonRow {
    QString field;       // the API field: givenNames, address.postcode, ...
    QString claimed;     // what the citizen said; empty when they were not asked
    QString onDocument;  // what the document says; empty when not on a document
    QList<RegisterVerdict> verdicts;  // the newest check of each register covering the field
    bool mismatch = false;
    QString why;  // for a mismatch: one sentence saying what disagrees
};

QList<ComparisonRow> compareClaims(const CaseDetail& detail);

}  // namespace tessera::reviewer
