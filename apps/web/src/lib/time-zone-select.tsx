import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { timeZoneOptions } from './time-zones';

type TimeZoneSelectProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'mode'>;

/** A searchable list of IANA time zones, common Chinese ones first; used as a Form control. */
export const TimeZoneSelect = (props: TimeZoneSelectProps) => {
  const options = useMemo(() => timeZoneOptions(), []);
  return (
    <Select<string>
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      popupMatchSelectWidth={false}
    />
  );
};
