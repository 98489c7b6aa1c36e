package diff

// countryList is countryNames' source: the one-word English names of the
// countries and territories CLDR knows, lower-cased and space-separated,
// as golang.org/x/text's display names give them (held to them by
// TestCountryNamesAreCLDRs).
const countryList = `afghanistan albania algeria andorra angola anguilla antarctica
argentina armenia aruba australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bermuda bhutan
bolivia botswana brazil brunei bulgaria burundi cambodia cameroon
canada chad chile china colombia comoros croatia cuba curaçao cyprus
czechia denmark djibouti dominica ecuador egypt eritrea estonia
ethiopia eurozone fiji finland france gabon gambia georgia germany
ghana gibraltar greece greenland grenada guadeloupe guam guatemala
guernsey guinea guyana haiti honduras hungary iceland india indonesia
iran iraq ireland israel italy jamaica japan jersey jordan kazakhstan
kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
liberia libya liechtenstein lithuania luxembourg macedonia madagascar
malawi malaysia maldives mali malta martinique mauritania mauritius
mayotte mexico micronesia moldova monaco mongolia montenegro
montserrat morocco mozambique namibia nauru nepal netherlands
nicaragua niger nigeria niue norway oman pakistan palau panama
paraguay peru philippines poland portugal qatar romania russia rwanda
réunion samoa senegal serbia seychelles singapore slovakia slovenia
somalia spain sudan suriname swaziland sweden switzerland syria taiwan
tajikistan tanzania thailand togo tokelau tonga tunisia turkey
turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu
venezuela vietnam yemen zambia zimbabwe`
