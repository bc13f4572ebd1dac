#pragma once
// The review queue as a table: case, state, evidence, level, waiting time, service level and
// who holds it. Filled from the server's pages (cursor pagination): a refresh replaces the
// first page in place, keeping rows that are still there (so the reviewer's selection and
// scroll position survive); later pages are appended when the view scrolls to the end
// (fetchMore asks for them through morePagesWanted, the model itself never fetches).
#include <QAbstractTableModel>
#include <QList>

#include "review/QueueItem.h"
#include "review/SlaPolicy.h"

namespace tessera::reviewer {

class QueueModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { CaseColumn, StateColumn, EvidenceColumn, LevelColumn, WaitingColumn, ServiceLevelColumn,
                  ClaimedByColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,  // the raw value to sort the column by
        CaseIdRole,
        StateRole,        // the state code ("in_review")
        EvidenceRole,     // the evidence code
        SlaLevelRole,     // int(SlaLevel)
        ClaimedByMeRole,
        ClaimedRole,      // someone holds a live claim
    };

    explicit QueueModel(QObject* parent = nullptr);

    // A fresh first page (refresh, or a new filter): rows still listed keep their identity.
    void setPage(const QueuePage& page);
    // The page after the last one loaded; cases already listed are updated, not repeated.
    void appendPage(const QueuePage& page);
    void clear();

    void setSlaPolicy(const SlaPolicy& policy);
    const SlaPolicy& slaPolicy() const { return sla_; }

    const QueueItem* itemAt(int row) const;
    int rowOf(const QString& caseId) const;
    QString nextCursor() const { return next_; }
    bool hasMorePages() const { return !next_.isEmpty(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    // The view reached the end of the loaded rows: load the page after `cursor`.
    void morePagesWanted(const QString& cursor);

private:
    QVariant display(const QueueItem& item, int column) const;
    QVariant sortValue(const QueueItem& item, int column) const;
    void removeRowsMissingFrom(const QHash<QString, int>& wanted);
    void reorderLike(const QHash<QString, int>& wanted);

    QList<QueueItem> rows_;
    QString next_;
    QString requested_;  // the cursor already asked for, so scrolling asks once
    SlaPolicy sla_;
};

}  // namespace tessera::reviewer
