#include <kensa/base/utf8.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

using kensa::valid_utf8;

TEST(ValidUtf8, KeepsValidTextUnchanged) {
    const std::string text = "lot 7/\xe6\xa4\x9c\xe6\x9f\xbb_001.png \xf0\x9f\x94\x8d";  // 検査, a 4-byte emoji
    EXPECT_EQ(valid_utf8(text), text);
    EXPECT_EQ(valid_utf8(""), "");
}

TEST(ValidUtf8, ReplacesEachInvalidByte) {
    const std::string fffd = "\xef\xbf\xbd";
    EXPECT_EQ(valid_utf8("bad_\xff\xfe.png"), "bad_" + fffd + fffd + ".png");
    EXPECT_EQ(valid_utf8("\xc0\xaf"), fffd + fffd);          // overlong '/'
    EXPECT_EQ(valid_utf8("\xed\xa0\x80"), fffd + fffd + fffd);  // a UTF-16 surrogate
    EXPECT_EQ(valid_utf8("\xe6\xa4"), fffd + fffd);          // truncated sequence
    EXPECT_EQ(valid_utf8("\xf4\x90\x80\x80"), fffd + fffd + fffd + fffd);  // above U+10FFFF
}

TEST(ValidUtf8, ItsResultIsAcceptedByTheJsonWriter) {
    // nlohmann::json throws type_error 316 on invalid UTF-8; Latin-1 file names are common on old shares.
    const std::string latin1 = "Pr\xfc" "fteil_\xe9.png";
    EXPECT_THROW(nlohmann::json(latin1).dump(), nlohmann::json::type_error);
    EXPECT_NO_THROW(nlohmann::json(valid_utf8(latin1)).dump());
}
