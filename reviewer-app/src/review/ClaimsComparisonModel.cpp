#include "review/ClaimsComparisonModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QStringList>

#include "review/ReviewLabels.h"

namespace tessera::reviewer {

ClaimsComparisonModel::ClaimsComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClaimsComparisonModel::setCase(const CaseDetail& detail) {
    beginResetModel();
    rows_ = compareClaims(detail);
    endResetModel();
}

void ClaimsComparisonModel::clear() {
    beginResetModel();
    rows_.clear();
    endResetModel();
}

int ClaimsComparisonModel::mismatchCount() const {
    int n = 0;
    for (const ComparisonRow& row : rows_) n += row.mismatch ? 1 : 0;
    return n;
}

int ClaimsComparisonModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ClaimsComparisonModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QColor ClaimsComparisonModel::mismatchColour() { return QColor(0xf6, 0xc1, 0xc1); }

QString ClaimsComparisonModel::registersText(const ComparisonRow& row, bool brief) const {
    QStringList parts;
    for (const RegisterVerdict& v : row.verdicts) {
        if (brief) parts << (v.matched ? tr("%1: agrees") : tr("%1: disagrees")).arg(ReviewLabels::registerShort(v.source));
        else parts << (v.matched ? tr("%1 agrees.") : tr("%1 does not agree.")).arg(ReviewLabels::registerKind(v.source));
    }
    if (parts.isEmpty()) return row.mismatch ? tr("Mismatch") : tr("Not checked");
    return parts.join(brief ? QStringLiteral("\n") : QStringLiteral(" "));
}

QVariant ClaimsComparisonModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const ComparisonRow& row = rows_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case FieldColumn: return ReviewLabels::field(row.field);
                case ClaimedColumn: return ReviewLabels::value(row.field, row.claimed);
                case DocumentColumn: return ReviewLabels::value(row.field, row.onDocument);
                case RegistersColumn: return registersText(row, true);
                default: return {};
            }
        case Qt::ToolTipRole:
            if (index.column() == RegistersColumn && !row.verdicts.isEmpty()) return registersText(row, false);
            return row.mismatch ? row.why : QVariant();
        case Qt::AccessibleDescriptionRole: return row.mismatch ? tr("Mismatch: %1").arg(row.why) : QVariant();
        case Qt::BackgroundRole: return row.mismatch ? QVariant(QBrush(mismatchColour())) : QVariant();
        case Qt::ForegroundRole: return row.mismatch ? QVariant(QBrush(Qt::black)) : QVariant();
        case Qt::FontRole:
            if (row.mismatch) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case MismatchRole: return row.mismatch;
        case FieldKeyRole: return row.field;
        case WhyRole: return row.why;
        default: return {};
    }
}

QVariant ClaimsComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
        case FieldColumn: return tr("Field");
        case ClaimedColumn: return tr("Citizen's claim");
        case DocumentColumn: return tr("On the document");
        case RegistersColumn: return tr("Register checks");
        default: return {};
    }
}

}  // namespace tessera::reviewer
