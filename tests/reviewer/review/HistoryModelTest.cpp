// The case history table: what happened, by whom, with reasons and notes, and new notes
// appended as the reviewer adds them.
#include <catch2/catch.hpp>

#include "review/HistoryModel.h"
#include "support/QStringPrinting.h"
#include "support/ReviewSamples.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

QString cell(const HistoryModel& model, int row, int column) { return model.data(model.index(row, column)).toString(); }

}  // namespace

TEST_CASE("the history reads as events, state changes, reasons and notes", "[review][history]") {
    auto parsed = parseCaseDetail(caseFlaggedFullSample());
    REQUIRE(parsed);
    HistoryModel model;
    model.setEvents(parsed->history);
    REQUIRE(model.rowCount() == 6);
    CHECK(cell(model, 0, HistoryModel::EventColumn) == "Started");
    CHECK(cell(model, 0, HistoryModel::ChangeColumn) == "Draft");
    CHECK(cell(model, 2, HistoryModel::ChangeColumn) == QString::fromUtf8("Waiting → In review"));
    CHECK(cell(model, 3, HistoryModel::EventColumn) == "Note");
    CHECK(cell(model, 3, HistoryModel::NoteColumn) == "Back photo slightly blurred; front is clear.");
    CHECK(cell(model, 3, HistoryModel::ChangeColumn).isEmpty());
    CHECK(cell(model, 4, HistoryModel::ReasonColumn) == "The case needs a senior reviewer's judgement.");
    CHECK(cell(model, 5, HistoryModel::ChangeColumn) == "Flagged");  // claimed while flagged: no change
    CHECK(cell(model, 1, HistoryModel::WhoColumn) == QString::fromUtf8("4d35c84b…"));
    CHECK(model.data(model.index(1, HistoryModel::WhoColumn), Qt::ToolTipRole).toString() ==
          "4d35c84b62faad453f0067d8bcec6d0f");

    model.setActorNames({{"0f160ef4ca4ce7342ca9d4a6b1d4fbdd", "You"}});
    CHECK(cell(model, 5, HistoryModel::WhoColumn) == "You");
}

TEST_CASE("a note the reviewer adds is appended once", "[review][history]") {
    auto parsed = parseCaseDetail(caseFullSample());
    REQUIRE(parsed);
    HistoryModel model;
    model.setEvents(parsed->history);
    auto note = parseCaseNote(noteSample());
    REQUIRE(note);
    model.append(*note);
    model.append(*note);  // the same answer delivered twice
    REQUIRE(model.rowCount() == 4);
    CHECK(cell(model, 3, HistoryModel::NoteColumn) == "Back photo slightly blurred; front is clear.");
    CHECK(model.data(model.index(3, 0), HistoryModel::EventCodeRole).toString() == "note");
}
