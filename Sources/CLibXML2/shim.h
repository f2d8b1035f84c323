#ifndef CRIER_CLIBXML2_SHIM_H
#define CRIER_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU, and encoding.h then includes <unicode/ucnv.h>; that system ICU clashes with
   Foundation's own copy ("'UErrorCode' has different definitions in different modules"). Crier never uses
   libxml2's ICU converters or the fields they add to xmlCharEncodingHandler (only pointers to it), so the
   headers are read without them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlreader.h>
#include <libxml/entities.h>
#endif
