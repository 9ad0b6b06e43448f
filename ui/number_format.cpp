#include "number_format.h"

#include <QLocale>

#include <cmath>

namespace kensa::ui {

QString decimalText(double v, int decimals) {
    return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'f', decimals);
}

QString significantText(double v, int digits) {
    return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'g', digits);
}

}  // namespace kensa::ui
