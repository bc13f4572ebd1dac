#pragma once
// The claims comparison as a table: field | citizen's claim | on the document | registers.
// Mismatched rows are flagged (MismatchRole) and highlighted, with the reason as tooltip and in
// the registers column's words, so the flag does not depend on seeing colour.
#include <QAbstractTableModel>

#include "review/ClaimsComparison.h"

namespace tessera::reviewer {

class ClaimsComparisonModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { FieldColumn, ClaimedColumn, DocumentColumn, RegistersColumn, ColumnCount };
    enum Role { MismatchRole = Qt::UserRole + 1, FieldKeyRole, WhyRole };

    explicit ClaimsComparisonModel(QObject* parent = nullptr);

    void setCase(const CaseDetail& detail);
    void clear();
    const QList<ComparisonRow>& rows() const { return rows_; }
    int mismatchCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QColor mismatchColour();

private:
    // Each register's verdict: a word each for the cell, or sentences for the tooltip.
    QString registersText(const ComparisonRow& row, bool brief) const;

    QList<ComparisonRow> rows_;
};

}  // namespace tessera::reviewer
