// The package CSV dialect, line by line.
#include "landbridge/io/csv_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace landbridge::io {
namespace {

using testing::ElementsAre;

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.list()) out.push_back(x.to_string());
  return out;
}

TEST(CsvTable, RowsKeepTheirPhysicalLines) {
  Diagnostics d;
  const CsvTable t = CsvTable::parse(
      "# a comment before the header\n"
      "code, name ,note\n"
      "\n"
      "KZALA,Almaty,\n"
      "   # an indented comment\n"
      ",,\n"
      "KZAAU, \"Aktau, port\" ,\"say \"\"hi\"\"\"\n"
      "KZHOR,\" Khorgos \",#not a comment",
      "t.csv", d);
  EXPECT_TRUE(d.empty()) << messages(d)[0];
  EXPECT_EQ(t.header_line(), 2);
  EXPECT_THAT(t.header(), ElementsAre("code", "name", "note"));
  ASSERT_EQ(t.rows().size(), 3u);
  EXPECT_EQ(t.rows()[0].line, 4);
  EXPECT_THAT(t.rows()[0].cells, ElementsAre("KZALA", "Almaty", ""));
  EXPECT_EQ(t.rows()[1].line, 7);
  EXPECT_THAT(t.rows()[1].cells, ElementsAre("KZAAU", "Aktau, port", "say \"hi\""));
  EXPECT_EQ(t.rows()[2].line, 8);  // last line without a newline
  EXPECT_THAT(t.rows()[2].cells, ElementsAre("KZHOR", "Khorgos", "#not a comment"));
  EXPECT_EQ(t.column("name"), 1u);
  EXPECT_EQ(t.column("lat"), std::nullopt);
}

TEST(CsvTable, WindowsLineEndsAndByteOrderMark) {
  Diagnostics d;
  const CsvTable t = CsvTable::parse(
      "\xEF\xBB\xBF"
      "a,b\r\n1,2\r\n\r\n3,4\r\n",
      "t.csv", d);
  EXPECT_TRUE(d.empty());
  EXPECT_THAT(t.header(), ElementsAre("a", "b"));
  ASSERT_EQ(t.rows().size(), 2u);
  EXPECT_THAT(t.rows()[1].cells, ElementsAre("3", "4"));
  EXPECT_EQ(t.rows()[1].line, 4);
}

TEST(CsvTable, BrokenLinesAreReportedAndLeftOut) {
  Diagnostics d;
  const CsvTable t = CsvTable::parse(
      "a,b,,a\n"
      "1,2,3,4\n"
      "1,2,3\n"
      "1,\"2,3,4\n"
      "\xC0\xAF,2,3,4\n"
      "\xED\xA0\x80,2,3,4\n"
      "\xF4\x90\x80\x80,2,3,4\n"
      "ok,\xC3\xA9t\xC3\xA9,\xF0\x9F\x9A\xA2,4\n"
      "\xE2\x82,2,3,4\n" +
          std::string("1,2\0,3,4\n", 9) + "5,6,7,8\n",
      "t.csv", d);
  EXPECT_THAT(
      messages(d),
      ElementsAre(
          "t.csv:10: contains a NUL byte; expected UTF-8 text",
          "t.csv:1: column 3 of the header has no name; expected a column name",
          "t.csv:1: field 'a': column appears twice in the header; expected each column once",
          "t.csv:3: row has 3 fields, expected 4 as in the header (line 1)",
          "t.csv:4: a quoted field is not closed; expected a closing \" on the same line",
          "t.csv:5: byte 1 (0xC0) is not valid UTF-8; expected UTF-8 text",
          "t.csv:6: byte 1 (0xED) is not valid UTF-8; expected UTF-8 text",
          "t.csv:7: byte 1 (0xF4) is not valid UTF-8; expected UTF-8 text",
          "t.csv:9: byte 1 (0xE2) is not valid UTF-8; expected UTF-8 text"));
  ASSERT_EQ(t.rows().size(), 3u);
  EXPECT_EQ(t.rows()[0].line, 2);
  EXPECT_EQ(t.rows()[1].line, 8);  // é and a ship emoji are fine
  EXPECT_EQ(t.rows()[2].line, 11);
  EXPECT_EQ(t.column("a"), 0u);  // the first of two columns of one name
}

TEST(CsvTable, EmptyFile) {
  for (std::string text : {"", "\n\n", "# only a comment\n"}) {
    Diagnostics d;
    const CsvTable t = CsvTable::parse(text, "e.csv", d);
    EXPECT_THAT(messages(d),
                ElementsAre("e.csv: file is empty; expected a header line naming the columns"));
    EXPECT_EQ(t.header_line(), 0);
  }
}

TEST(CsvTable, SplitList) {
  EXPECT_THAT(split_list(" S1; S2 ;;S3 "), ElementsAre("S1", "S2", "S3"));
  EXPECT_THAT(split_list(""), testing::IsEmpty());
  EXPECT_THAT(split_list("a+b", '+'), ElementsAre("a", "b"));
}

}  // namespace
}  // namespace landbridge::io
