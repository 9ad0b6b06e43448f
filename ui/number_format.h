#pragma once
// Numbers as the app shows them: in the current default locale (QLocale(), set at start from the chosen
// language: digits, decimal point and grouping), "–" for NaN. Files for machines (CSV) keep QString::number.

#include <QString>

namespace kensa::ui {

QString decimalText(double v, int decimals);    // fixed decimals: metrics, scores, seconds
QString significantText(double v, int digits);  // 'g' format: thresholds, losses

}  // namespace kensa::ui
