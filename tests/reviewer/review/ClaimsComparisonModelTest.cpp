// The claims comparison: each claim beside the document and the registers' verdicts, with
// every disagreement flagged for highlighting.
#include <catch2/catch.hpp>

#include <QBrush>
#include <QJsonArray>

#include "review/ClaimsComparisonModel.h"
#include "support/QStringPrinting.h"
#include "support/ReviewSamples.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

CaseDetail caseFrom(const QJsonObject& json) {
    auto parsed = parseCaseDetail(json);
    REQUIRE(parsed);
    return *parsed;
}

int rowOf(const ClaimsComparisonModel& model, const QString& field) {
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row, 0), ClaimsComparisonModel::FieldKeyRole).toString() == field) return row;
    return -1;
}

QString cell(const ClaimsComparisonModel& model, const QString& field, int column) {
    const int row = rowOf(model, field);
    REQUIRE(row >= 0);
    return model.data(model.index(row, column)).toString();
}

bool mismatched(const ClaimsComparisonModel& model, const QString& field) {
    const int row = rowOf(model, field);
    REQUIRE(row >= 0);
    return model.data(model.index(row, 0), ClaimsComparisonModel::MismatchRole).toBool();
}

}  // namespace

TEST_CASE("a case where everything agrees has no mismatch and names each register", "[review][claims]") {
    ClaimsComparisonModel model;
    model.setCase(caseFrom(jsonObject(caseFullSample())));
    CHECK(model.mismatchCount() == 0);
    CHECK(model.columnCount() == 4);
    CHECK(model.headerData(ClaimsComparisonModel::ClaimedColumn, Qt::Horizontal).toString() == "Citizen's claim");

    CHECK(cell(model, "name", ClaimsComparisonModel::ClaimedColumn) == "Eilidh Mairi MacLeod");
    CHECK(cell(model, "name", ClaimsComparisonModel::DocumentColumn) == "Eilidh Mairi MacLeod");
    CHECK(cell(model, "givenNames", ClaimsComparisonModel::RegistersColumn) == "Document: agrees\nBirth: agrees");
    CHECK(cell(model, "dateOfBirth", ClaimsComparisonModel::ClaimedColumn) == "1990-11-23");
    CHECK(cell(model, "sex", ClaimsComparisonModel::ClaimedColumn) == "Female");
    CHECK(cell(model, "address.postcode", ClaimsComparisonModel::ClaimedColumn) == "HS1 2DU");
    CHECK(cell(model, "address.postcode", ClaimsComparisonModel::RegistersColumn) == "Address: agrees");
    CHECK(cell(model, "address.town", ClaimsComparisonModel::RegistersColumn) == "Not checked");
    CHECK(cell(model, "documentType", ClaimsComparisonModel::DocumentColumn) == "Driving licence");
    CHECK(cell(model, "documentNumber", ClaimsComparisonModel::DocumentColumn) == "MCLEO961230EM9EF");
    CHECK(rowOf(model, "address.line2") < 0);  // empty and unchecked: nothing to compare
    CHECK_FALSE(model.data(model.index(0, 0), Qt::BackgroundRole).isValid());
}

TEST_CASE("every disagreement is flagged, highlighted and explained", "[review][claims][mismatch]") {
    ClaimsComparisonModel model;
    model.setCase(caseFrom(caseWithMismatchesJson()));

    // The address register disagreed on line 1 (and agreed on the postcode).
    CHECK(mismatched(model, "address.line1"));
    CHECK(model.data(model.index(rowOf(model, "address.line1"), ClaimsComparisonModel::RegistersColumn), Qt::ToolTipRole)
              .toString() == "Address register does not agree.");
    CHECK(cell(model, "address.line1", ClaimsComparisonModel::RegistersColumn) == "Address: disagrees");
    CHECK_FALSE(mismatched(model, "address.postcode"));
    // The document's family name is not the claimed one.
    CHECK(mismatched(model, "name"));
    CHECK(mismatched(model, "familyName"));
    CHECK(cell(model, "familyName", ClaimsComparisonModel::DocumentColumn) == "McLeod");
    // The document has expired.
    CHECK(mismatched(model, "expiryDate"));
    CHECK_FALSE(mismatched(model, "givenNames"));
    CHECK(model.mismatchCount() == 4);

    const int row = rowOf(model, "expiryDate");
    CHECK(model.data(model.index(row, 2), Qt::BackgroundRole).value<QBrush>().color() ==
          ClaimsComparisonModel::mismatchColour());
    CHECK(model.data(model.index(row, 0), Qt::ToolTipRole).toString() == "The document expired 58 day(s) ago.");
    CHECK(model.data(model.index(rowOf(model, "familyName"), 0), ClaimsComparisonModel::WhyRole).toString() ==
          "The claim differs from the document.");
}

TEST_CASE("only the newest check of each register counts", "[review][claims]") {
    QJsonObject json = jsonObject(caseFullSample());
    QJsonArray registers = json["registerResults"].toArray();
    // An older address check that failed, before the one that matched (newest first).
    registers.append(QJsonObject{{"kind", "address"}, {"outcome", "no_match"}, {"checkedAt", "2026-11-27T10:00:00Z"},
                                 {"fields", QJsonArray{QJsonObject{{"field", "address.line1"}, {"matched", false}}}}});
    json["registerResults"] = registers;
    ClaimsComparisonModel model;
    model.setCase(caseFrom(json));
    CHECK_FALSE(mismatched(model, "address.line1"));
}

TEST_CASE("a document reported stolen flags its number", "[review][claims][mismatch]") {
    QJsonObject json = jsonObject(caseFullSample());
    QJsonObject checks = json["documentChecks"].toObject();
    checks["registerStatus"] = "stolen";
    json["documentChecks"] = checks;
    ClaimsComparisonModel model;
    model.setCase(caseFrom(json));
    CHECK(mismatched(model, "documentNumber"));
    CHECK(model.data(model.index(rowOf(model, "documentNumber"), 0), Qt::ToolTipRole).toString() ==
          "The document register reports the document as stolen.");
}

TEST_CASE("a duplicate-person case compares the claimed person and names the other account", "[review][claims]") {
    QJsonObject json = jsonObject(caseFlaggedFullSample());
    json["evidence"] = "duplicate_person";
    json["claims"] = QJsonObject{{"givenNames", "Sean"}, {"familyName", "Gallagher"}, {"dateOfBirth", "1985-03-02"},
                                 {"sex", "male"}, {"linkedAccountId", "77aa00bb11cc22dd33ee44ff55aa66bb"}};
    json["document"] = QJsonValue();
    json["documentChecks"] = QJsonValue();
    ClaimsComparisonModel model;
    model.setCase(caseFrom(json));
    CHECK(cell(model, "givenNames", ClaimsComparisonModel::ClaimedColumn) == "Sean");
    CHECK(cell(model, "linkedAccountId", ClaimsComparisonModel::FieldColumn) == "Account already holding this person");
    CHECK(cell(model, "linkedAccountId", ClaimsComparisonModel::ClaimedColumn) == "77aa00bb11cc22dd33ee44ff55aa66bb");
    CHECK(rowOf(model, "documentNumber") < 0);
}

TEST_CASE("a summary view has no claims to compare, only the register verdicts", "[review][claims]") {
    ClaimsComparisonModel model;
    model.setCase(caseFrom(jsonObject(caseSummarySample())));
    CHECK(rowOf(model, "name") < 0);
    CHECK(cell(model, "givenNames", ClaimsComparisonModel::ClaimedColumn).isEmpty());
    CHECK(cell(model, "givenNames", ClaimsComparisonModel::RegistersColumn) == "Document: agrees\nBirth: agrees");
    model.clear();
    CHECK(model.rowCount() == 0);
}
